"""The web pages in a real browser: headless Chromium driven by selenium, against a live `concord serve`.

    python3 Tests/Browser/pages.py BASE_URL [--screenshots DIR]

BASE_URL is a server on the demo store. Opens the event list, searches for an entity, opens the 2025 derby,
checks its headlines per language, expands an explanation, checks that the look-alike panel names the 2022
derby, checks that nothing overflows at 360 px (long names, right-to-left and CJK titles included), and
POSTs new articles while the list is open: they must appear without a reload. With --screenshots, saves the
list and the derby page at 1440 and 360 px wide as PNG.
"""
import json
import sys
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

base = sys.argv[1].rstrip("/")
shots = sys.argv[sys.argv.index("--screenshots") + 1] if "--screenshots" in sys.argv else None
failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        failures.append(what)


def post(records):
    body = "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode()
    request = urllib.request.Request(
        base + "/v1/articles", data=body, method="POST", headers={"Content-Type": "application/x-ndjson"})
    return json.load(urllib.request.urlopen(request, timeout=120))


options = Options()
for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"]:
    options.add_argument(flag)
options.binary_location = "/usr/bin/chromium"
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
wait = WebDriverWait(driver, 20)


def size(width):
    driver.set_window_size(width, 900 if width > 600 else 780)


def no_overflow(what):
    overflow = driver.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    check(overflow <= 0, f"{what}: nothing wider than the window ({overflow} px over)")


try:
    size(1440)
    # The list.
    driver.get(base + "/")
    rows = driver.find_elements(By.CSS_SELECTOR, "#events li.event")
    check(len(rows) == 15, f"the list shows the demo's 15 events (saw {len(rows)})")
    if shots:
        driver.save_screenshot(f"{shots}/list-1440.png")

    # Search for an entity through the filter form.
    field = driver.find_element(By.NAME, "entity")
    field.send_keys("Bernardini")
    field.submit()
    wait.until(EC.url_contains("entity=Bernardini"))
    rows = driver.find_elements(By.CSS_SELECTOR, "#events li.event")
    check(len(rows) == 2, f"the entity Bernardini finds the two derbies (saw {len(rows)})")

    # Open the 2025 derby.
    derby = [r for r in rows if "2025-03-09" in r.text]
    check(len(derby) == 1, "one of them is the derby of 2025-03-09")
    derby[0].find_element(By.CSS_SELECTOR, "a.title").click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "article.event-page")))
    derby_url = driver.current_url
    if shots:
        driver.set_window_size(1440, 1400)
        driver.save_screenshot(f"{shots}/event-1440.png")
        size(1440)
    headlines = driver.find_elements(By.CSS_SELECTOR, ".headlines li .headline")
    languages = sorted(h.get_attribute("lang") for h in headlines)
    check(languages == ["en", "es", "fr", "it", "vi"], f"a headline per language: {languages}")
    check(all(h.text.strip() for h in headlines), "every headline has text")

    # Expand an explanation.
    why = driver.find_elements(By.CSS_SELECTOR, "details.why")[1]
    explanation = why.find_element(By.TAG_NAME, "p")
    check(not explanation.is_displayed(), "the explanation starts folded")
    why.find_element(By.TAG_NAME, "summary").click()
    check(explanation.is_displayed() and "joined" in explanation.text,
          f"expanded, it says why: {explanation.text[:90]}")

    # The look-alike panel names the other derby, and why it is apart.
    panel = driver.find_element(By.ID, "lookalikes")
    check("2022-03-13" in panel.text and "Derby" in panel.text, "the look-alike panel names the 2022 derby")
    check("event dates conflict" in panel.text, "and says their dates conflict")

    # The article page's explain form.
    driver.find_element(By.CSS_SELECTOR, "li.article a").click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "article.article-page")))
    form = driver.find_element(By.NAME, "compare")
    form.send_keys("demo-007")
    form.submit()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".comparison")))
    check("Different events." in driver.find_element(By.CSS_SELECTOR, ".comparison").text,
          "the article page explains it against the 2022 derby: different events")

    # At 360 px; then again with long names, right-to-left and CJK titles.
    size(360)
    driver.get(base + "/")
    no_overflow("the list at 360 px")
    if shots:
        driver.save_screenshot(f"{shots}/list-360.png")
    driver.get(derby_url)
    no_overflow("the derby page at 360 px")
    if shots:
        driver.save_screenshot(f"{shots}/event-360.png")
    post([
        {"id": "layout-rtl", "title": "انتخابات بلدية في مدينة الإسكندرية بمشاركة واسعة من الناخبين",
         "text": "جرت الانتخابات البلدية في مدينة الإسكندرية يوم الأحد بمشاركة واسعة من الناخبين.",
         "published": "2025-06-01T08:00:00Z", "source": "Example Arabic"},
        {"id": "layout-cjk", "title": "大阪で新しい路面電車の路線が開業、市長が式典に出席",
         "text": "大阪市で新しい路面電車の路線が日曜日に開業し、市長が開業式典に出席した。",
         "published": "2025-06-02T08:00:00Z", "source": "Example Japanese"},
        {"id": "layout-long", "title": "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogochcouncilannouncesnewfloodbarrier",
         "text": "The council of Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch announced a new flood barrier on Monday.",
         "published": "2025-06-03T08:00:00Z", "source": "Example Welsh"},
    ])
    for article in ["layout-rtl", "layout-cjk", "layout-long"]:
        driver.get(f"{base}/articles/{article}")
        no_overflow(f"the page of {article} at 360 px")
        event = driver.find_element(By.ID, "event-link").get_attribute("href")
        driver.get(event)
        no_overflow(f"the event of {article} at 360 px")
    driver.get(base + "/")
    no_overflow("the list with them at 360 px")

    # A new article appears on the open list without a reload.
    size(1440)
    driver.get(base + "/")
    driver.execute_script("window.concordNoReload = 'still here';")
    time.sleep(1)  # the page's EventSource connects
    reply = post([{
        "id": "live-1", "title": "Ferry service to Isola Verde resumes after storm",
        "text": "The ferry service between Porto Alto and Isola Verde resumed on Tuesday after a three-day storm.",
        "published": "2025-12-01T09:00:00Z", "source": "Example Harbour News"}])
    check(reply["results"][0]["status"] == "ingested", "the POST ingested the article")
    try:
        WebDriverWait(driver, 15).until(
            lambda d: "Ferry service to Isola Verde" in d.find_element(By.ID, "events").text)
        appeared = True
    except Exception:
        appeared = False
    check(appeared, "the posted article's event appears on the open list")
    check(driver.execute_script("return window.concordNoReload") == "still here", "without a reload")
finally:
    driver.quit()

if failures:
    print(f"{len(failures)} browser check(s) failed", file=sys.stderr)
    sys.exit(1)
print("browser: every check passed")
