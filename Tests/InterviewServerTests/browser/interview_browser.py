"""Drives `dossier serve` with Debian's Chromium (headless, through chromium-driver), as applicants would.

1. In Vietnamese, at 390 px wide (a phone): a vn-single-status interview with one impossible date, "Why?" opened,
   every page checked for sideways scrolling; the packet PDF and the case file downloaded, the PDF's text checked.
2. In English, with the keyboard only (Tab, arrows, Space, Enter, typing): a us-embassy-notarial interview, its
   PDF downloaded and checked.
Screenshots of one page at 390 px and at 1280 px go to OUT/screens/.

Usage: interview_browser.py BASE_URL OUT_DIR       (exit status 0 when every check passed)
"""
import glob
import os
import subprocess
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

BASE = sys.argv[1].rstrip("/")
OUT = sys.argv[2]


def browser(downloads, width):
    os.makedirs(downloads, exist_ok=True)
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900",
              "--disable-extensions", "--no-first-run"]:
        options.add_argument(a)
    options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False,
                                              "plugins.always_open_pdf_externally": True})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    viewport(driver, width)
    return driver


def viewport(driver, width):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 844 if width < 600 else 900, "deviceScaleFactor": 1, "mobile": width < 600})


def submitting(driver, action):
    """Does `action` (a click, a key) and waits until the next page has replaced this one and finished loading."""
    driver.execute_script("window.__dossierOldPage = true")

    def replaced(d):
        try:
            return d.execute_script("return !window.__dossierOldPage && document.readyState === 'complete'")
        except WebDriverException:
            return False  # between two pages
    action()
    WebDriverWait(driver, 20).until(replaced)


def page_id(driver):
    found = driver.find_elements(By.CSS_SELECTOR, "form input[name=page]")
    return found[0].get_attribute("value") if found else None


def no_sideways_scroll(driver, width):
    scroll = driver.execute_script("return document.documentElement.scrollWidth")
    assert scroll <= width, f"{page_id(driver)}: the page is {scroll} px wide at {width} px"
    button = driver.find_elements(By.CSS_SELECTOR, "button.primary")
    if button:
        right = driver.execute_script("return arguments[0].getBoundingClientRect().right", button[0])
        assert right <= width, f"{page_id(driver)}: the Next button ends at {right} px"


FIELDS = """return [...document.querySelectorAll('form input:not([type=hidden]), form select')]
    .map(e => [e.name, e.type, e.value, e.checked, e.id])"""


def fill(driver, answers):
    """Answers the fields of the page that the script knows, by clicking labels and typing."""
    for name, kind, value, checked, element_id in driver.execute_script(FIELDS):
        if name not in answers:
            continue
        wanted = answers[name]
        if kind in ("radio", "checkbox"):
            if checked != (value in wanted.split(",")) and (kind == "checkbox" or not checked):
                driver.find_element(By.CSS_SELECTOR, f"label[for='{element_id}']").click()
        elif kind == "select-one":
            driver.find_element(By.CSS_SELECTOR, f"#{element_id} option[value='{wanted}']").click()
        elif value != wanted:
            field = driver.find_element(By.ID, element_id)
            field.clear()
            field.send_keys(wanted)


def wait_for_file(folder, name, timeout=30):
    path = os.path.join(folder, name)
    deadline = time.time() + timeout
    while time.time() < deadline:
        if os.path.exists(path) and not glob.glob(os.path.join(folder, "*.crdownload")):
            return path
        time.sleep(0.1)
    raise AssertionError(f"{name} was not downloaded into {folder}: {os.listdir(folder)}")


def pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", path, "-"], check=True, capture_output=True, text=True).stdout


VIETNAMESE = {
    "case.procedures": "vn-single-status", "case.languages#1": "vi", "case.languages#2": "en",
    "people.applicant.name.given": "Michael", "people.applicant.name.middle": "James", "people.applicant.name.family": "Turner",
    "people.applicant.sex": "male",
    "people.applicant.birth.date": "1986-03-14", "people.applicant.birth.place": "Austin, Texas, Hoa Kỳ",
    "people.applicant.birth.country": "US",
    "people.applicant.us_status": "citizen",
    "people.applicant.passport.number": "567123498",
    "people.applicant.marital_status": "divorced",
    "people.applicant.marital_history#count": "1",
    "people.applicant.marital_history.0.spouse": "Laura Beth Turner", "people.applicant.marital_history.0.ended_by": "divorce",
    "people.applicant.marital_history.0.ended_on": "2019-02-08", "people.applicant.marital_history.0.state": "TX",
    "vn_single_status.intended_spouse": "@new",
    "people.intended_spouse.name.given": "Thị Thu Hà", "people.intended_spouse.name.family": "Nguyễn",
    "people.intended_spouse.sex": "female",
    "people.intended_spouse.birth.date": "1992-08-21", "people.intended_spouse.birth.place": "Đà Nẵng",
    "people.intended_spouse.citizenship": "VN",
    "vn_single_status.filing_in_vietnam.date": "2027-05-10", "vn_single_status.filing_in_vietnam.by": "power-of-attorney",
    "vn_single_status.consulate_submission": "mail",
    "vn_single_status.notary_state": "TX",
    "case.paper": "letter",
}


def vietnamese_on_a_phone():
    downloads = os.path.join(OUT, "vi")
    driver = browser(downloads, 390)
    try:
        driver.get(BASE + "/?lang=vi")
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "vi"
        submitting(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/start'] button").click)
        pages, bad_date_shown, why_shown = [], False, False
        for _ in range(60):
            if driver.current_url.endswith("/done"):
                break
            pid = page_id(driver)
            pages.append(pid)
            no_sideways_scroll(driver, 390)
            answers = dict(VIETNAMESE)
            if pid == "people.applicant.birth" and not bad_date_shown:
                answers["people.applicant.birth.date"] = "1986-02-30"
            if pid == "people.applicant.passport" and not why_shown:
                driver.find_element(By.CSS_SELECTOR, "details.why summary").click()
                text = driver.find_element(By.CSS_SELECTOR, "details.why").text
                assert "Rules/vn-single-status/procedure.yaml" in text and "cần số hộ chiếu" in text and "passport number" not in text, text
                why_shown = True
            if pid == "people.applicant.name" and not os.path.exists(os.path.join(OUT, "screens", "interview-390.png")):
                os.makedirs(os.path.join(OUT, "screens"), exist_ok=True)
                fill(driver, answers)
                driver.save_screenshot(os.path.join(OUT, "screens", "interview-390.png"))
            fill(driver, answers)
            submitting(driver, driver.find_element(By.CSS_SELECTOR, "button[value=next]").click)
            if pid == "people.applicant.birth" and not bad_date_shown:
                # The same page again, the answer kept, the loader's message beside the field; never an error page.
                assert page_id(driver) == "people.applicant.birth", page_id(driver)
                error = driver.find_element(By.CSS_SELECTOR, ".question.invalid .error").text
                assert "Ngày này không có thật." in error and "February 1986 has 28 days, not 30" in error, error
                field = driver.find_element(By.NAME, "people.applicant.birth.date")
                assert field.get_attribute("aria-invalid") == "true" and field.get_attribute("value") == "1986-02-30"
                assert driver.find_element(By.CSS_SELECTOR, "[role=alert]").is_displayed()
                no_sideways_scroll(driver, 390)
                bad_date_shown = True
        assert driver.current_url.endswith("/done"), f"stuck on {page_id(driver)} after {pages}"
        assert bad_date_shown and why_shown
        assert driver.find_element(By.TAG_NAME, "h1").text == "Bộ hồ sơ đã sẵn sàng", driver.find_element(By.TAG_NAME, "h1").text
        no_sideways_scroll(driver, 390)
        assert "Đủ điều kiện" in driver.find_element(By.CSS_SELECTOR, "p.verdict").text
        driver.find_element(By.CSS_SELECTOR, "a[href='/download/packet.pdf']").click()
        driver.find_element(By.CSS_SELECTOR, "a[href='/download/case.yaml']").click()
        pdf = wait_for_file(downloads, "packet.pdf")
        wait_for_file(downloads, "case.yaml")
        text = pdf_text(pdf)
        for expected in ["Tổng Lãnh sự quán Việt Nam tại Houston", "Michael James Turner", "Nguyễn Thị Thu Hà",
                         "Tuyên thệ độc thân / Affidavit of Single Status", "2027-05-10"]:
            assert expected in text, f"{expected!r} not in the PDF's text"
        # The same interview page on a desktop screen, for the report.
        viewport(driver, 1280)
        driver.get(BASE + "/interview?page=people.applicant.birth")
        driver.save_screenshot(os.path.join(OUT, "screens", "interview-1280.png"))
        return pages
    finally:
        driver.quit()


NOTARIAL = {
    "case.procedures": "us-embassy-notarial", "case.languages#1": "en", "case.languages#2": "vi",
    "people.applicant.name.given": "Rachel", "people.applicant.name.family": "Kowalski",
    "us_embassy_notarial.post": "ho-chi-minh-city",
    "us_embassy_notarial.documents#add": "true",
    "us_embassy_notarial.documents#count": "1",
    "us_embassy_notarial.documents.0.title": "Power of attorney for First Federal Savings Bank",
    "us_embassy_notarial.documents.0.type": "power-of-attorney",
    "us_embassy_notarial.documents.0.signer": "applicant",
    "us_embassy_notarial.documents.0.for_use_in": "US",
}


def press(driver, *keys):
    ActionChains(driver).send_keys(*keys).perform()


def focused(driver):
    return driver.switch_to.active_element


TAB_STOPS = """
const target = arguments[0];
const stops = [];
const radios = new Set();
for (const e of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, summary')) {
  if (e.type === 'radio') {
    if (radios.has(e.name)) continue;
    radios.add(e.name);
    const group = [...document.getElementsByName(e.name)];
    stops.push(group.find(r => r.checked) || group[0]);
  } else stops.push(e);
}
return stops.indexOf(target) - stops.indexOf(document.activeElement);
"""


def tab_to(driver, css):
    """Presses Tab until the element `css` has the focus (as many presses as the page's tab order needs)."""
    target = driver.find_element(By.CSS_SELECTOR, css)
    steps = driver.execute_script(TAB_STOPS, target)
    if steps > 0:
        ActionChains(driver).send_keys(*([Keys.TAB] * steps)).perform()
    for _ in range(40):
        if focused(driver) == target or (target.get_attribute("type") == "radio"
                                         and focused(driver).get_attribute("name") == target.get_attribute("name")):
            return focused(driver)
        press(driver, Keys.TAB)
    raise AssertionError(f"Tab never reached {css} on {page_id(driver)}")


def keyboard_fill(driver, answers):
    """Answers with keys only: Tab to each field, type or move with the arrows, Space for boxes, Enter on Next."""
    for name, kind, value, checked, element_id in driver.execute_script(FIELDS):
        if name not in answers:
            continue
        wanted = answers[name]
        if kind == "checkbox":
            if checked != (value in wanted.split(",")):
                tab_to(driver, f"#{element_id}")
                press(driver, Keys.SPACE)
        elif kind == "radio":
            if value != wanted or checked:
                continue
            # Tab into the group (its checked radio, else its first), then the arrows move the choice.
            el = tab_to(driver, f"#{element_id}")
            for _ in range(12):
                if el.get_attribute("value") == wanted:
                    break
                press(driver, Keys.ARROW_DOWN)
                el = focused(driver)
            assert el.get_attribute("value") == wanted, f"arrows never reached {wanted} in {name}"
            if not el.is_selected():
                press(driver, Keys.SPACE)
        elif value != wanted:
            tab_to(driver, f"#{element_id}")
            ActionChains(driver).key_down(Keys.CONTROL).send_keys("a").key_up(Keys.CONTROL).send_keys(Keys.DELETE).send_keys(wanted).perform()
    tab_to(driver, "button[value=next]")
    submitting(driver, lambda: press(driver, Keys.ENTER))


def english_with_the_keyboard_only():
    downloads = os.path.join(OUT, "en")
    driver = browser(downloads, 1280)
    try:
        driver.get(BASE + "/?lang=en")
        tab_to(driver, "form[action='/start'] button")
        submitting(driver, lambda: press(driver, Keys.ENTER))
        pages = []
        for _ in range(30):
            if driver.current_url.endswith("/done"):
                break
            pid = page_id(driver)
            assert pid not in pages[-2:], f"{pid} shown again: {driver.find_element(By.TAG_NAME, 'main').text}"
            pages.append(pid)
            keyboard_fill(driver, NOTARIAL)
        assert driver.current_url.endswith("/done"), f"stuck on {page_id(driver)} after {pages}"
        tab_to(driver, "a[href='/download/packet.pdf']")
        press(driver, Keys.ENTER)
        pdf = wait_for_file(downloads, "packet.pdf")
        text = pdf_text(pdf)
        for expected in ["Rachel Kowalski", "Power of attorney for First Federal Savings Bank", "Ho Chi Minh City"]:
            assert expected in text, f"{expected!r} not in the PDF's text"
        return pages
    finally:
        driver.quit()


if __name__ == "__main__":
    started = time.time()
    vi = vietnamese_on_a_phone()
    middle = time.time()
    en = english_with_the_keyboard_only()
    print(f"vietnamese pages: {len(vi)} ({middle - started:.1f} s); keyboard pages: {len(en)} ({time.time() - middle:.1f} s)")
    print("browser checks: 2 passed, 0 failed")
