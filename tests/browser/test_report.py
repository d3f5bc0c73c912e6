"""`newsner report` opened in a real browser: headless Chromium driven over WebDriver.

Runs the release binary on samples/ and on the user's seed article (../shared/seed), opens each
report from its file, and checks what a reader would check: the page loads without a console
error or any request, the delegation of the seed article is highlighted as five persons in one
list, the entity table filters by type, and the network draws one node per entity that passes
its weight filter. Screenshots go to $REPORT_SCREENSHOTS (default: a temporary folder).

Needs Debian's `chromium` and `chromium-driver` and the `selenium` package; .ci/run installs
them. Nothing is downloaded at run time: the driver and browser paths are given explicitly.
"""

import json
import os
import pathlib
import subprocess

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = pathlib.Path(os.environ.get("NEWSNER_BIN", ROOT / "target" / "release" / "newsner"))
SHARED = pathlib.Path(os.environ.get("NEWSNER_SHARED", ROOT.parent / "shared"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")

# The seed article's delegation: the president and the four officials listed with him.
DELEGATION = {
    "Ahmed al-Sharaa",
    "Asaad al-Shaibani",
    "Murhaf Abu Qasra",
    "Hussein al-Salama",
    "Maher al-Sharaa",
}


@pytest.fixture(scope="session")
def shots(tmp_path_factory):
    d = os.environ.get("REPORT_SCREENSHOTS")
    path = pathlib.Path(d) if d else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ]:
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=opts, service=Service(executable_path=CHROMEDRIVER))
    yield driver
    driver.quit()


def make_report(tmp_path_factory, name, inputs):
    out = tmp_path_factory.mktemp("report") / f"{name}.html"
    # Run from the repository so that sample ids read "samples/..." as a user would see them.
    subprocess.run([str(BIN), "report", "-q", *map(str, inputs), "-o", str(out)], check=True, cwd=ROOT)
    return out


@pytest.fixture(scope="session")
def samples_report(tmp_path_factory):
    return make_report(tmp_path_factory, "samples", ["samples"])


@pytest.fixture(scope="session")
def seed_report(tmp_path_factory):
    seed = SHARED / "seed" / "article.txt"
    if not seed.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{seed} is missing: CI must have ../shared beside the repository")
        pytest.skip(f"{seed} not found; set NEWSNER_SHARED")
    return make_report(tmp_path_factory, "seed", [seed])


def open_report(driver, path, tab="overview"):
    driver.get(path.as_uri() + "#" + tab)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return !!window.newsnerReport"))
    driver.get_log("browser")  # start each page with an empty log


def console_errors(driver):
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def data(driver):
    return driver.execute_script("return window.newsnerReport.data")


def test_loads_without_console_errors_or_requests(browser, samples_report):
    browser.get(samples_report.as_uri())
    WebDriverWait(browser, 10).until(lambda d: d.execute_script("return !!window.newsnerReport"))
    for tab in ["entities", "articles", "network", "overview"]:
        browser.find_element(By.CSS_SELECTOR, f'nav a[data-tab="{tab}"]').click()
        assert browser.find_element(By.ID, tab).is_displayed()
    assert console_errors(browser) == []
    # Everything is inline: the page made no request for a script, style, font or image.
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    d = data(browser)
    assert d["documents"] == 6 and len(d["articles"]) == 6
    cards = browser.find_element(By.ID, "overview-body").text
    assert "documents" in cards and "mentions" in cards


def test_seed_delegation_is_five_persons_in_one_list(browser, seed_report, shots):
    open_report(browser, seed_report, "articles")
    lists = browser.find_elements(By.CSS_SELECTOR, "#article-view .deleg")
    # Members carry the list's number; other names may stand between them ("... to Moscow").
    members = [
        [(m.get_attribute("data-e"), m.get_attribute("class")) for m in el.find_elements(By.CSS_SELECTOR, "mark.m[data-list]")]
        for el in lists
    ]
    entities = data(browser)["entities"]
    named = [{entities[int(e)]["name"] for e, _ in ms} for ms in members]
    assert DELEGATION in named, named
    delegation = members[named.index(DELEGATION)]
    assert len(delegation) == 5
    assert all(cls.split() == ["m", "person"] for _, cls in delegation)
    # Hovering a member shows its canonical name, id, match kind and role.
    first = lists[named.index(DELEGATION)].find_elements(By.CSS_SELECTOR, "mark.m[data-list]")[0]
    ActionChains(browser).move_to_element(first).perform()
    tip = browser.find_element(By.ID, "tip")
    WebDriverWait(browser, 5).until(lambda d: tip.is_displayed())
    assert "Ahmed al-Sharaa" in tip.text and "id: Ahmed_al-Sharaa" in tip.text
    assert "match: exact" in tip.text and "role: President" in tip.text
    assert console_errors(browser) == []
    browser.save_screenshot(str(shots / "seed-article.png"))


def test_filtering_the_table_to_groups_leaves_only_groups(browser, samples_report):
    open_report(browser, samples_report, "entities")
    rows = lambda: browser.find_elements(By.CSS_SELECTOR, "#entity-table tbody tr")
    types = {r.get_attribute("data-type") for r in rows()}
    assert {"person", "group", "place"} <= types
    Select(browser.find_element(By.ID, "entity-type")).select_by_value("group")
    groups = rows()
    assert groups and {r.get_attribute("data-type") for r in groups} == {"group"}
    expected = sum(e["type"] == "group" for e in data(browser)["entities"])
    assert len(groups) == expected
    # Sorting by name puts the rows in alphabetical order; clicking a row shows its co-mentions.
    browser.find_element(By.XPATH, "//table[@id='entity-table']//th[text()='Entity']").click()
    names = [r.find_element(By.CSS_SELECTOR, "td").text.lower() for r in rows()]
    assert names == sorted(names)
    rows()[0].click()
    detail = browser.find_element(By.ID, "entity-detail")
    assert "Documents" in detail.text
    # A document of the entity opens in the article view with the entity's mentions marked.
    chosen = int(rows()[0].get_attribute("data-i"))
    detail.find_element(By.CSS_SELECTOR, "[data-article]").click()
    assert browser.find_element(By.ID, "articles").is_displayed()
    flashed = browser.find_elements(By.CSS_SELECTOR, "#article-view mark.flash")
    assert flashed and {int(m.get_attribute("data-e")) for m in flashed} == {chosen}
    assert console_errors(browser) == []


def passing(d, window, minimum):
    nodes = set()
    for s, t, w, _ in d["edges"][window]:
        if w >= minimum:
            nodes |= {s, t}
    return nodes


def drawn_nodes(browser):
    return {int(n.get_attribute("data-e")) for n in browser.find_elements(By.CSS_SELECTOR, "#net-svg .node")}


def test_network_draws_one_node_per_entity_passing_the_weight_filter(browser, samples_report, shots):
    open_report(browser, samples_report, "network")
    d = data(browser)
    slider = browser.find_element(By.ID, "net-min")
    minimum = int(slider.get_attribute("value"))
    nodes = drawn_nodes(browser)
    assert nodes and nodes == passing(d, 0, minimum)
    assert len(browser.find_elements(By.CSS_SELECTOR, "#net-svg .node")) == len(nodes)
    browser.save_screenshot(str(shots / "network.png"))
    # Zooming spreads the nodes apart; clicking a node opens its entity.
    node = browser.find_element(By.CSS_SELECTOR, "#net-svg .node")
    before = node.get_attribute("transform")
    browser.find_element(By.ID, "net-zoom-in").click()
    assert node.get_attribute("transform") != before
    browser.find_element(By.ID, "net-reset").click()
    ActionChains(browser).move_to_element(node.find_element(By.CSS_SELECTOR, "circle")).click().perform()
    name = d["entities"][int(node.get_attribute("data-e"))]["name"]
    assert browser.find_element(By.ID, "entities").is_displayed()
    assert browser.find_element(By.CSS_SELECTOR, "#entity-detail h3").text == name
    browser.find_element(By.CSS_SELECTOR, 'nav a[data-tab="network"]').click()
    # A heavier minimum draws fewer nodes, again exactly those passing.
    heavier = minimum + 1
    browser.execute_script(
        "const s = arguments[0]; s.value = arguments[1]; s.dispatchEvent(new Event('change'));", slider, heavier
    )
    assert drawn_nodes(browser) == passing(d, 0, heavier)
    # The list window: people listed together.
    Select(browser.find_element(By.ID, "net-window")).select_by_value("1")
    minimum = int(slider.get_attribute("value"))
    assert drawn_nodes(browser) == passing(d, 1, minimum)
    svg = browser.execute_script("return window.newsnerReport.network.exportSvg()")
    assert svg.startswith("<?xml") and svg.count('class="node ') == len(passing(d, 1, minimum))
    assert console_errors(browser) == []


def test_article_view_screenshot(browser, samples_report, shots):
    open_report(browser, samples_report, "articles")
    search = browser.find_element(By.ID, "article-search")
    search.send_keys("Zelensky")
    pos = browser.find_element(By.ID, "article-pos").text
    assert pos.startswith("1 of ")
    lists = browser.find_elements(By.CSS_SELECTOR, "#article-view .deleg")
    assert lists, "the Ukraine talks sample names a delegation"
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", lists[0])
    ActionChains(browser).move_to_element(lists[0].find_elements(By.CSS_SELECTOR, "mark.m")[1]).perform()
    path = shots / "article.png"
    browser.save_screenshot(str(path))
    assert path.stat().st_size > 10_000
    assert console_errors(browser) == []
    # Cleared, the search keeps the article shown, now one of all six; next and previous step.
    browser.execute_script("arguments[0].value=''; arguments[0].dispatchEvent(new Event('input'))", search)
    position = lambda: browser.find_element(By.ID, "article-pos").text
    k = int(position().split(" of ")[0])
    assert position() == f"{k} of 6" and k < 6
    browser.find_element(By.ID, "article-next").click()
    assert position() == f"{k + 1} of 6"
    browser.find_element(By.ID, "article-prev").click()
    assert position() == f"{k} of 6"
