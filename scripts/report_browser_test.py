#!/usr/bin/env python3
"""Renders `attendant report --format html` in headless Chromium through Selenium; run by
scripts/browser-tests.sh after browser_tests.py.

Simulates a week of seeded traffic, writes the HTML report, opens it from disk, and checks what the
browser shows: the headline figures, an inline SVG chart followed by its table for each figure, no
request for anything outside the page, no console errors, and a print layout. Saves screenshots to
.build/browser-artifacts/ (report.png, report-print.png). `--readme-picture PATH` also saves the top of
the page at 1200 px wide, the README's picture.
"""
import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from browser_tests import Failure, check, chrome_options

REPOSITORY = Path(__file__).resolve().parent.parent
ARTIFACTS = REPOSITORY / ".build/browser-artifacts"


def make_report(attendant, folder):
    transcripts = folder / "transcripts"
    subprocess.run([attendant, "simulate", "--days", "7", "--seed", "42", "--conversations-per-day", "150",
                    "--transcripts", str(transcripts), "--content", str(REPOSITORY)],
                   check=True, stdout=subprocess.DEVNULL)
    page = folder / "report.html"
    subprocess.run([attendant, "report", "--transcripts", str(transcripts), "--content", str(REPOSITORY),
                    "--format", "html", "--output", str(page)], check=True, stderr=subprocess.DEVNULL)
    return page


def browser(arguments):
    driver = webdriver.Chrome(service=Service(executable_path=arguments.chromedriver),
                              options=chrome_options(arguments.chromium, "1280,900"))
    driver.set_page_load_timeout(20)
    return driver


def full_page_screenshot(driver, path, width=1280, limit=None):
    height = driver.execute_script("return document.documentElement.scrollHeight")
    if limit:
        height = min(height, limit)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    driver.save_screenshot(str(path))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def run_checks(driver, page, arguments):
    driver.get(page.as_uri())
    check(driver.title == "Attendant support report", f"the title is {driver.title!r}")
    tiles = driver.find_elements(By.CSS_SELECTOR, "#headline li")
    check(len(tiles) == 6, f"{len(tiles)} headline figures")
    check(all(tile.find_element(By.TAG_NAME, "strong").text.strip() for tile in tiles), "a headline figure is empty")
    charts = driver.find_elements(By.CSS_SELECTOR, "figure.chart svg")
    check(len(charts) >= 8, f"only {len(charts)} charts")
    for chart in charts:
        check(chart.get_attribute("role") == "img", f"chart {chart.get_attribute('id')} has no role=img")
        box = chart.rect
        check(box["width"] > 100 and box["height"] > 20, f"chart {chart.get_attribute('id')} is not drawn: {box}")
        table = driver.execute_script(
            "let n = arguments[0].closest('figure').nextElementSibling;"
            "while (n && n.tagName !== 'TABLE' && n.tagName !== 'FIGURE') n = n.nextElementSibling;"
            "return n && n.tagName === 'TABLE' ? n.rows.length : 0", chart)
        check(table > 1, f"chart {chart.get_attribute('id')} has no table of its numbers after it")
        bars = chart.find_elements(By.CSS_SELECTOR, "rect")
        check(bars, f"chart {chart.get_attribute('id')} has no bars")
    resources = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    check(resources == [], f"the page loaded {resources}")
    check(not driver.find_elements(By.TAG_NAME, "script"), "the page has a script")
    errors = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    check(not errors, f"console errors: {errors}")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    full_page_screenshot(driver, ARTIFACTS / "report.png")
    if arguments.readme_picture:
        full_page_screenshot(driver, Path(arguments.readme_picture), width=1200, limit=1500)
    # Print: the charts keep their colours and nothing is cut off the side of an A4 page.
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    widest = driver.execute_script("return Math.max(...[...document.querySelectorAll('svg')].map(s => s.getBoundingClientRect().right))")
    check(widest <= 1280, f"a chart is {widest} px wide in print")
    full_page_screenshot(driver, ARTIFACTS / "report-print.png", width=794)
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": True})
    check(len(pdf.get("data", "")) > 10_000, "the printed PDF is empty")
    errors = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    check(not errors, f"console errors in print: {errors}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--attendant", required=True)
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--chromedriver", default=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    parser.add_argument("--readme-picture", help="also save the top of the page here (docs/report.png)")
    arguments = parser.parse_args()
    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="attendant-report-") as folder:
        page = make_report(arguments.attendant, Path(folder))
        driver = browser(arguments)
        try:
            run_checks(driver, page, arguments)
            print(f"PASS the HTML support report renders, with a table behind each chart ({time.monotonic() - began:.1f} s)")
        except Failure as error:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(ARTIFACTS / "FAILED-report.png"))
            print(f"FAIL the HTML support report: {error}")
            sys.exit(1)
        finally:
            driver.quit()


if __name__ == "__main__":
    main()
