#!/usr/bin/env python3
"""The two linear baselines of issue 14 on any labelled CSV pair (header `text,intent`), for a side by
side with `attendant eval csv` on the same files.

- scikit-learn TF-IDF over word 1-2-grams + LinearSVC ("word SVM");
- scikit-learn TF-IDF over character 2-5-grams within word boundaries + logistic regression
  (C = 10; "char LR").

Text is lower-cased and punctuation replaced by spaces, as in CLINC150's peers. It prints the top-1
accuracy of each on the test file, trained on the train file. No threshold, no out-of-scope class.

Set-up (once): python3 -m venv /tmp/peers-venv && /tmp/peers-venv/bin/pip install scikit-learn
Run:           /tmp/peers-venv/bin/python scripts/linear-baselines.py TRAIN.csv TEST.csv
"""
import csv
import re
import sys

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC

_punct = re.compile(r"[^\w\s]", re.UNICODE)


def norm(text):
    return " ".join(_punct.sub(" ", text.lower()).split())


def load(path):
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [norm(row["text"]) for row in rows], [row["intent"] for row in rows]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    train_texts, train_labels = load(sys.argv[1])
    test_texts, test_labels = load(sys.argv[2])
    peers = [
        ("word SVM", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True), LinearSVC()),
        (
            "char LR",
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True),
            LogisticRegression(C=10, max_iter=2000),
        ),
    ]
    for name, vectorizer, model in peers:
        model.fit(vectorizer.fit_transform(train_texts), train_labels)
        predicted = model.predict(vectorizer.transform(test_texts))
        right = sum(p == g for p, g in zip(predicted, test_labels))
        print(f"{name}: {100 * right / len(test_labels):.1f}% top-1 ({right} / {len(test_labels)})")


if __name__ == "__main__":
    main()
