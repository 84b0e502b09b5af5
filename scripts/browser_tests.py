#!/usr/bin/env python3
"""Drives examples/web/demo.html in headless Chromium through Selenium; run by scripts/browser-tests.sh.

Each flow checks what the page really shows (the DOM the customer sees), saves a screenshot to
.build/browser-artifacts/, and prints PASS or FAIL. The server runs on a free loopback port with a
copy of the demo content in which one article carries HTML, to prove that articles are escaped too.
"""
import argparse
import faulthandler
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.support.ui import WebDriverWait

REPOSITORY = Path(__file__).resolve().parent.parent
ARTIFACTS = REPOSITORY / ".build/browser-artifacts"
TIME_ZONE = "Europe/Zagreb"
NOW = "2027-03-27T19:30:00Z"  # a Saturday evening: nobody is on shift, so the hand-off names a later time
INJECTION = '<img src=x onerror="window.__attendantInjected=1"><script>window.__attendantInjected=2</script>'

QUESTIONS = [  # language, question, a phrase of the answer as the page shows it (bold markers removed)
    ("en", "where is my parcel?", "My account → My orders"),
    ("hr", "koliko košta dostava", "standardna dostava je besplatna za narudžbe od 50 €"),
    ("vi", "làm sao để trả lại hàng", "30 ngày kể từ khi nhận hàng"),
    ("tr", "siparişim nerede", "Hesabım → Siparişlerim"),
    ("id", "bagaimana cara reset kata sandi", "Lupa kata sandi?"),
]
LAUNCHER_LABELS = {"en": "Chat with us", "hr": "Razgovarajte s nama", "vi": "Chat với chúng tôi",
                   "tr": "Bizimle sohbet edin", "id": "Chat dengan kami"}


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def chrome_options(binary, window_size):
    """Headless Chromium without the background services that would make a run slower or flaky, with
    the console log kept (the flows assert it has no errors); report_browser_test.py uses it too."""
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 f"--window-size={window_size}", "--lang=en-US", "--no-first-run", "--disable-extensions",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-crash-reporter", "--disable-breakpad"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return options


class Harness:
    def __init__(self, arguments, folder):
        self.folder = folder
        self.outbox = folder / "outbox"
        content = folder / "content"
        shutil.copytree(REPOSITORY / "Intents", content / "Intents")
        shutil.copytree(REPOSITORY / "KnowledgeBase", content / "KnowledgeBase")
        warranty = content / "KnowledgeBase/en/warranty.md"
        warranty.write_text(warranty.read_text() + f"\nCare guide: {INJECTION}\n")
        python = shutil.which("python3") or sys.executable
        self.server = subprocess.Popen(
            [python, str(REPOSITORY / "examples/web/server.py"), "--port", "0", "--content", str(content),
             "--outbox", str(self.outbox), "--no-transcripts", "--attendant", arguments.attendant],
            stdout=subprocess.PIPE, stderr=open(folder / "server.log", "w"), text=True,
            env={**os.environ, "ATTENDANT_NOW": NOW},
        )
        line = self.server.stdout.readline()
        check(line.startswith("serving http://"), f"the server did not start: {line!r}")
        self.base = line.split()[1]
        # The first reply waits for serve to load and calibrate this changed copy of the content (over
        # 10 s for a debug build on a busy machine): wait for it here, so the flows' own waits are
        # about the page.
        warm_up = urllib.request.Request(
            self.base.rstrip("/") + "/api/messages", data=json.dumps({"type": "message", "text": "hello"}).encode(),
            headers={"Content-Type": "application/json"}, method="POST")
        with urllib.request.urlopen(warm_up, timeout=150) as response:
            check(response.status == 200, f"the warm-up message got HTTP {response.status}")

        service = Service(executable_path=arguments.chromedriver, env={**os.environ, "TZ": TIME_ZONE})
        self.driver = webdriver.Chrome(service=service, options=chrome_options(arguments.chromium, "1280,860"))
        self.driver.set_page_load_timeout(20)

    def close(self):
        try:
            self.driver.quit()
        finally:
            self.server.terminate()
            try:
                self.server.wait(10)
            except subprocess.TimeoutExpired:
                self.server.kill()

    # ---- page helpers ----

    def open_page(self, language="en", width=1280, height=860):
        driver = self.driver
        driver.execute_cdp_cmd("Network.clearBrowserCookies", {})  # every flow is a new visitor
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 500})
        driver.get(f"{self.base}?lang={language}")
        self.wait(lambda d: d.find_elements(By.CSS_SELECTOR, ".attendant-launcher"), "the chat bubble")
        driver.get_log("browser")  # start each flow with an empty console

    def wait(self, condition, what, timeout=10):
        try:
            return WebDriverWait(self.driver, timeout, poll_frequency=0.05).until(condition)
        except TimeoutException:
            raise Failure(f"timed out waiting for {what}") from None

    def css(self, selector):
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def open_widget(self):
        self.css(".attendant-launcher")[0].click()
        self.wait(lambda d: d.find_element(By.ID, "attendant-input").is_displayed(), "the chat panel")

    def bot_messages(self):
        return self.css(".attendant-log .attendant-from-bot")

    def send(self, text):
        """Types a message, presses Enter, and returns the bot message that answers it."""
        before = len(self.bot_messages())
        field = self.driver.find_element(By.ID, "attendant-input")
        field.send_keys(text)
        field.send_keys(Keys.ENTER)
        return self.next_reply(before)

    def next_reply(self, before):
        self.wait(lambda d: len(self.bot_messages()) > before and not self.css(".attendant-typing")[0].is_displayed(),
                  "the bot's reply")
        return self.bot_messages()[-1]

    def screenshot(self, name):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.driver.save_screenshot(str(ARTIFACTS / f"{name}.png"))

    def console_errors(self):
        return [entry["message"] for entry in self.driver.get_log("browser") if entry["level"] == "SEVERE"]

    def injected(self):
        return self.driver.execute_script("return window.__attendantInjected === undefined ? null : window.__attendantInjected")

    def visible_text(self, element):
        return element.get_attribute("innerText")


# ---- flows -----------------------------------------------------------------------------------------

def flow_languages(h):
    for language, question, phrase in QUESTIONS:
        h.open_page(language)
        launcher = h.css(".attendant-launcher")[0]
        check(LAUNCHER_LABELS[language] in h.visible_text(launcher), f"{language}: the bubble says {launcher.text!r}")
        h.open_widget()
        reply = h.send(question)
        text = h.visible_text(reply)
        check(reply.get_attribute("data-type") == "answer", f"{language}: '{question}' got {reply.get_attribute('data-type')}: {text[:80]!r}")
        check(reply.get_attribute("lang") == language, f"{language}: the answer is in {reply.get_attribute('lang')}")
        check(phrase in text, f"{language}: the answer lacks {phrase!r}: {text[:160]!r}")
        check("**" not in text and reply.find_elements(By.CSS_SELECTOR, ".attendant-bubble strong"),
              f"{language}: bold is not rendered")
        check(reply.find_elements(By.CSS_SELECTOR, ".attendant-feedback button"), f"{language}: no feedback buttons")
        check(not h.console_errors(), f"{language}: console errors: {h.console_errors()}")
        h.screenshot(f"1-answer-{language}")


def flow_clarification(h):
    h.open_page("en")
    h.open_widget()
    reply = h.send("payment")
    check(reply.get_attribute("data-type") == "clarify", f"'payment' got {reply.get_attribute('data-type')}")
    buttons = reply.find_elements(By.CSS_SELECTOR, ".attendant-options .attendant-option")
    titles = [b.text for b in buttons]
    check(titles == ["Payment problems", "Payment methods"], f"the options are {titles}")
    h.screenshot("2-clarification-options")
    before = len(h.bot_messages())
    buttons[1].click()
    answer = h.next_reply(before)
    customer = h.css(".attendant-from-customer")[-1]
    check(h.visible_text(customer).strip().endswith("Payment methods"), "the chosen option is not shown as the customer's message")
    check("PayPal" in h.visible_text(answer), f"the answer is not about payment methods: {h.visible_text(answer)[:100]!r}")
    check(len(answer.find_elements(By.CSS_SELECTOR, ".attendant-bubble ul li")) == 5, "the list is not rendered as a list")
    check(all(not b.is_enabled() for b in buttons), "the options can still be clicked")
    followups = [b.text for b in answer.find_elements(By.CSS_SELECTOR, ".attendant-option")]
    check(followups, "no follow-up topics after the answer")
    h.screenshot("2-clarification-answered")
    before = len(h.bot_messages())
    answer.find_elements(By.CSS_SELECTOR, ".attendant-option")[-1].click()
    topic = h.next_reply(before)
    check(topic.get_attribute("data-type") == "answer", f"the follow-up topic '{followups[-1]}' was not answered")


def flow_not_helpful(h):
    h.open_page("en")
    h.open_widget()
    answer = h.send("where is my order?")
    before = len(h.bot_messages())
    answer.find_element(By.CSS_SELECTOR, ".attendant-feedback-no").click()
    offer = h.next_reply(before)
    text = h.visible_text(offer)
    check("connect you with a person" in text, f"no offer of a person after 'not helpful': {text!r}")
    labels = [b.text for b in offer.find_elements(By.CSS_SELECTOR, ".attendant-option")]
    check(labels == ["Yes, connect me", "No, thanks"], f"the offer's buttons are {labels}")
    check(answer.find_element(By.CSS_SELECTOR, ".attendant-feedback-no").get_attribute("aria-pressed") == "true",
          "the pressed feedback button is not marked")
    h.screenshot("3-not-helpful-offer")


def flow_feedback_question(h):
    """"Was this helpful?" follows the replies whose asksForFeedback is true, as the library decides."""
    h.open_page("en")
    h.open_widget()
    greeting = h.send("hello")
    check(greeting.get_attribute("data-type") == "answer", f"'hello' got {greeting.get_attribute('data-type')}")
    check(not greeting.find_elements(By.CSS_SELECTOR, ".attendant-feedback"), "a greeting asks whether it helped")
    question = h.send("payment")
    check(not question.find_elements(By.CSS_SELECTOR, ".attendant-feedback"), "a clarification asks whether it helped")
    answer = h.send("2")
    check(answer.find_elements(By.CSS_SELECTOR, ".attendant-feedback button"), "the clarified answer has no feedback buttons")
    thanks = h.send("thanks")
    check(not thanks.find_elements(By.CSS_SELECTOR, ".attendant-feedback"), "thanks asks whether it helped")
    h.screenshot("3-feedback-only-after-answers")


def flow_handoff(h):
    h.open_page("hr")
    h.open_widget()
    reply = h.send("želim razgovarati s osobom")
    check(reply.get_attribute("data-type") == "escalate", f"no hand-off: {h.visible_text(reply)[:100]!r}")
    notices = reply.find_elements(By.CSS_SELECTOR, ".attendant-handoff")
    check(len(notices) == 1, "no hand-off notice")
    notice = h.visible_text(notices[0])
    reference = re.search(r"esc-\d{8}T\d{6}Z-[0-9a-f]{24}", notice)
    check(reference, f"the notice has no reference: {notice!r}")
    record_path = h.outbox / f"{reference.group(0)}.json"
    check(record_path.exists(), f"no record {record_path.name} in the outbox")
    record = json.loads(record_path.read_text())
    check(record["customer"].get("timeZone") == TIME_ZONE, f"the browser's time zone did not arrive: {record['customer']}")
    check(record["session"] and record["language"] == "hr", "the record is not this conversation's")
    expected = datetime.fromisoformat(record["assignment"]["expectedFirstResponse"].replace("Z", "+00:00"))
    local = expected.astimezone(ZoneInfo(TIME_ZONE)).strftime("%H:%M")
    shown = notices[0].find_element(By.TAG_NAME, "time")
    check(local in shown.text, f"the notice shows {shown.text!r}, not the local time {local}")
    check(TIME_ZONE in h.visible_text(reply), "the bot's hand-off text does not name the customer's time zone")
    h.screenshot("4-handoff-notice")


def flow_injection(h):
    h.open_page("en")
    h.open_widget()
    reply = h.send(INJECTION)
    customer = h.css(".attendant-from-customer")[-1]
    check(INJECTION in h.visible_text(customer), f"the customer's message is not shown as typed: {h.visible_text(customer)!r}")
    answer = h.send("how long is the warranty?")
    check("2-year warranty" in h.visible_text(answer), "the warranty article was not answered")
    check(INJECTION in h.visible_text(answer), f"the article's HTML is not shown as text: {h.visible_text(answer)[-200:]!r}")
    widget_elements = h.css(".attendant-widget img, .attendant-widget script, .attendant-widget [onerror]")
    check(not widget_elements, f"HTML from a message became elements: {len(widget_elements)}")
    time.sleep(0.3)  # an image error handler would have fired by now
    check(h.injected() is None, f"injected script ran: {h.injected()}")
    h.screenshot("5-injection-shown-as-text")


def flow_keyboard(h):
    h.open_page("en")
    active = lambda: h.driver.switch_to.active_element  # noqa: E731
    launcher = h.css(".attendant-launcher")[0]
    for _ in range(20):  # Tab through the page's links until the bubble has the focus
        ActionChains(h.driver).send_keys(Keys.TAB).perform()
        if active() == launcher:
            break
    check(active() == launcher, "Tab never reaches the chat bubble")
    ActionChains(h.driver).send_keys(Keys.ENTER).perform()
    h.wait(lambda d: active().get_attribute("id") == "attendant-input", "the focus in the message field")
    check(launcher.get_attribute("aria-expanded") == "true", "aria-expanded is not true on the open bubble")
    log = h.css(".attendant-log")[0]
    check(log.get_attribute("role") == "log" and log.get_attribute("aria-live") == "polite", "the conversation is not a live region")
    before = len(h.bot_messages())
    ActionChains(h.driver).send_keys("payment").send_keys(Keys.ENTER).perform()
    reply = h.next_reply(before)
    check(reply.get_attribute("data-type") == "clarify", "the typed question got no clarification")
    ActionChains(h.driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
    check(active().text == "Payment methods", f"Shift+Tab from the field reaches {active().text!r}, not the last option")
    h.screenshot("6-keyboard-option-focused")
    before = len(h.bot_messages())
    ActionChains(h.driver).send_keys(Keys.ENTER).perform()
    answer = h.next_reply(before)
    check("PayPal" in h.visible_text(answer), "Enter on the option did not choose it")
    check(active().get_attribute("id") == "attendant-input", "the focus did not return to the message field")
    contrast = h.driver.execute_script(CONTRAST_SCRIPT)
    check(not contrast, f"text below WCAG AA contrast: {contrast[:5]}")
    ActionChains(h.driver).send_keys(Keys.ESCAPE).perform()
    h.wait(lambda d: not h.css(".attendant-panel")[0].is_displayed(), "Escape to close the panel")
    check(active() == launcher, "the focus did not return to the bubble after Escape")
    check(launcher.get_attribute("aria-expanded") == "false", "aria-expanded is not false after closing")


def flow_narrow_screen(h):
    h.open_page("vi", width=360, height=740)
    h.screenshot("7-narrow-360px-page")
    h.open_widget()
    reply = h.send("đơn hàng của tôi ở đâu")
    check(reply.get_attribute("data-type") == "answer", "no answer at 360 px")
    sizes = h.driver.execute_script("""
      const r = (s) => document.querySelector(s).getBoundingClientRect();
      return {scroll: document.documentElement.scrollWidth, viewport: window.innerWidth,
              panel: r('.attendant-panel'), input: r('#attendant-input'), send: r('.attendant-send'),
              close: r('.attendant-close')};""")
    check(sizes["viewport"] == 360, f"the viewport is {sizes['viewport']} px")
    check(sizes["scroll"] <= 360, f"the page scrolls sideways: {sizes['scroll']} px wide")
    for part in ("panel", "input", "send", "close"):
        box = sizes[part]
        check(box["left"] >= 0 and box["right"] <= 360 and box["bottom"] <= 740 and box["width"] > 0,
              f"the {part} does not fit the screen: {box}")
    check(sizes["send"]["width"] >= 44 and sizes["close"]["width"] >= 44, "touch targets are smaller than 44 px")
    h.screenshot("7-narrow-360px-chat")


def flow_connection_lost(h):
    h.open_page("tr")
    h.open_widget()
    driver = h.driver
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions",
                           {"offline": False, "latency": 1500, "downloadThroughput": -1, "uploadThroughput": -1})
    field = driver.find_element(By.ID, "attendant-input")
    field.send_keys("siparişim nerede", Keys.ENTER)
    typing = h.css(".attendant-typing")[0]
    h.wait(lambda d: typing.is_displayed(), "the typing indicator", timeout=2)
    check("Asistan yazıyor" in h.visible_text(typing), f"the typing indicator says {h.visible_text(typing)!r}")
    h.screenshot("8-typing-indicator")
    h.wait(lambda d: not typing.is_displayed(), "the slow reply", timeout=10)
    driver.execute_cdp_cmd("Network.emulateNetworkConditions",
                           {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    before = len(h.bot_messages())
    field.send_keys("kargo ücreti ne kadar", Keys.ENTER)
    h.wait(lambda d: h.css(".attendant-error"), "the error notice")
    error = h.css(".attendant-error")[0]
    retry = error.find_element(By.CSS_SELECTOR, ".attendant-retry")
    check(retry.text == "Tekrar dene", f"the retry button says {retry.text!r}")
    check(error.get_attribute("role") == "alert", "the error is not announced")
    check(len(h.bot_messages()) == before and h.css(".attendant-from-customer"), "the conversation was lost")
    h.screenshot("8-connection-lost-retry")
    driver.execute_cdp_cmd("Network.emulateNetworkConditions",
                           {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    retry.click()
    answer = h.next_reply(before)
    check(answer.get_attribute("data-type") == "answer" and not h.css(".attendant-error"), "retry did not get the answer")
    driver.execute_cdp_cmd("Network.disable", {})


CONTRAST_SCRIPT = """
  function rgb(c) { const m = c.match(/[\\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; }
  function lum(c) { return [c.r, c.g, c.b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
                      .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0); }
  function background(el) { for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor); if (c.a > 0.5) return c; } return {r: 255, g: 255, b: 255, a: 1}; }
  const bad = [];
  document.querySelectorAll('.attendant-widget *').forEach(el => {
    if (el.closest('.attendant-sr') || el.disabled || !el.offsetParent) return;
    const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own) return;
    const style = getComputedStyle(el), fg = lum(rgb(style.color)), bg = lum(background(el));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
    const large = size >= 24 || (bold && size >= 18.66);
    if (ratio < (large ? 3 : 4.5)) bad.push(el.className + ' ' + ratio.toFixed(2) + ': ' + el.textContent.slice(0, 30));
  });
  return bad;
"""

FLOWS = [
    ("a question in each of the five languages gets its answer", flow_languages),
    ("a clarification option picked by clicking", flow_clarification),
    ("'not helpful' brings the offer of a person", flow_not_helpful),
    ("'was this helpful?' after answers only, as the reply says", flow_feedback_question),
    ("asking for a person shows the hand-off notice and writes the outbox record", flow_handoff),
    ("HTML in a message or an article shows as text and does not run", flow_injection),
    ("keyboard only, live region and contrast", flow_keyboard),
    ("360 px wide screen", flow_narrow_screen),
    ("typing indicator, lost connection and retry", flow_connection_lost),
]


def main():
    faulthandler.register(signal.SIGUSR1, all_threads=True)  # `kill -USR1` shows where a stuck run waits
    parser = argparse.ArgumentParser()
    parser.add_argument("--attendant", required=True)
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--chromedriver", default=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    parser.add_argument("--only", help="run the flows whose function name contains this")
    arguments = parser.parse_args()
    began = time.monotonic()
    passed = failed = 0
    for stale in ARTIFACTS.glob("*.png"):  # only this run's screenshots stay
        stale.unlink()
    with tempfile.TemporaryDirectory(prefix="attendant-browser-") as folder:
        harness = Harness(arguments, Path(folder))
        try:
            for title, flow in FLOWS:
                if arguments.only and arguments.only not in flow.__name__:
                    continue
                start = time.monotonic()
                try:
                    flow(harness)
                    passed += 1
                    print(f"PASS {title} ({time.monotonic() - start:.1f} s)", flush=True)
                except Exception as error:  # noqa: BLE001 - any failure of a flow is reported, then the next runs
                    failed += 1
                    harness.screenshot(f"FAILED-{flow.__name__}")
                    detail = str(error) if isinstance(error, Failure) else traceback.format_exc(limit=3)
                    print(f"FAIL {title}: {detail}", flush=True)
        finally:
            harness.close()
            if failed:
                print((Path(folder) / "server.log").read_text()[-2000:], file=sys.stderr)
    print(f"screenshots in {ARTIFACTS.relative_to(REPOSITORY)}/, {time.monotonic() - began:.1f} s in all")
    print(f"browser-tests: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
