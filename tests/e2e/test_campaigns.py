"""The crowdfunding showcase in a real browser: filter, sort, open, submit, approve."""

import io
import re
from datetime import date, timedelta

import httpx
import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from tests.e2e.axe import assert_no_violations
from tests.e2e.journeys import fill_registration, log_in, submit
from tests.factories import unique

pytestmark = pytest.mark.e2e


def cards(page: Page):
    return page.locator(".card-grid > li")


def test_filter_sort_and_open_a_campaign(page: Page):
    page.goto("/zbiorki")
    expect(page.get_by_role("heading", name="Zbiórki organizacji z powiatu")).to_be_visible()
    expect(cards(page)).to_have_count(6)
    assert_no_violations(page)

    page.get_by_label("Kategoria").select_option("zdrowie")
    expect(cards(page)).to_have_count(1)
    expect(cards(page).first).to_contain_text("Rehabilitacja")
    expect(cards(page).first).to_contain_text("nie pokazuje kwot")  # hidden amounts stay hidden
    assert_no_violations(page)  # a filtered list

    page.get_by_label("Kategoria").select_option("")
    page.get_by_label("Stan").select_option("zakonczona")
    expect(cards(page)).to_have_count(1)
    expect(cards(page).first).to_contain_text("Zakończona")

    page.get_by_label("Stan").select_option("")
    page.get_by_label("Kolejność").select_option("procent")
    expect(cards(page).first).to_contain_text("134%")  # over 100 % shown honestly

    page.get_by_label("Szukaj").fill("robotyki")
    expect(cards(page)).to_have_count(1)
    cards(page).first.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Pracownia robotyki")
    expect(page.get_by_text("3 150 zł")).to_be_visible()
    expect(page.get_by_role("img", name="Wykres postępu zbiórki dzień po dniu")).to_be_visible()
    assert_no_violations(page)

    page.goto("/zbiorki/jak-zaczac")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_no_violations(page)


def test_an_organisation_submits_and_an_organiser_approves(page: Page, organiser_account, base_url: str):
    org, email = unique("Fundacja Zbiórkowa")
    fill_registration(page, org, email, [("Zenon Zbieracz", "2")])
    submit(page)
    expect(page.get_by_text("Zgłoszenie zostało przyjęte")).to_be_visible()
    manage_link = page.url

    page.get_by_role("button", name="Zgłoś zbiórkę").click()
    form = page.get_by_role("form", name="Zgłoszenie zbiórki")
    expect(form.get_by_label("Tytuł zbiórki")).to_be_visible()  # the form is open before we send it
    form.get_by_role("button", name="Zgłoś zbiórkę").click()  # empty form: errors, nothing stored
    expect(page.locator("#pole-campaign-title-blad")).to_have_text("Podaj tytuł zbiórki.")

    number = org.split()[-1]
    title = f"Nowe stroje dla chóru nr {number}"
    page.get_by_label("Tytuł zbiórki").fill(title)
    page.get_by_label("Kategoria").select_option("kultura")
    page.get_by_label("Jednym zdaniem: na co jest zbiórka").fill("Szyjemy stroje dla dziecięcego chóru z Brwinowa.")
    page.get_by_label("Opis").fill("Chór śpiewa od 10 lat.\n\nStroje zużyły się i potrzebujemy nowych.")
    page.get_by_label("Serwis, w którym trwa zbiórka").select_option("zrzutka")
    page.get_by_label("Adres zbiórki w serwisie").fill(f"https://zrzutka.pl/chor-{number}")
    page.get_by_label("Cel (zł)").fill("5000")
    page.get_by_label("Zebrano do tej pory (zł)").fill("1200")
    page.get_by_role("textbox", name=re.compile("^Liczba wspierających")).fill("17")
    page.get_by_label("Początek zbiórki").fill(str(date.today() - timedelta(days=3)))
    page.get_by_label("Koniec zbiórki").fill(str(date.today() + timedelta(days=30)))
    form.get_by_role("button", name="Zgłoś zbiórkę").click()
    expect(page.get_by_text("Zbiórka zgłoszona.")).to_be_visible()
    expect(page.get_by_text(re.compile(f"{re.escape(title)} – Zgłoszona"))).to_be_visible()

    # Not public before approval.
    assert title not in httpx.get(base_url + "/api/zbiorki", timeout=10).text

    log_in(page, organiser_account)
    expect(page.get_by_role("heading", name="Pulpit organizatora")).to_be_visible()
    page.goto("/organizator/zbiorki")
    page.get_by_role("button", name=f"Opublikuj: {title}").click()
    expect(page.get_by_text("Zbiórka opublikowana w witrynie.")).to_be_visible()
    assert_no_violations(page)

    page.goto("/zbiorki")
    page.get_by_label("Szukaj").fill("chóru")
    expect(cards(page).first).to_contain_text(title)
    expect(cards(page).first).to_contain_text("24%")
    page.goto(manage_link)
    expect(page.get_by_text(re.compile(f"{re.escape(title)} – Opublikowana"))).to_be_visible()


def small_png() -> bytes:
    """A real picture (the app decodes every pixel: a broken checksum would be refused)."""
    out = io.BytesIO()
    Image.new("RGBA", (2, 2), (10, 20, 30, 255)).save(out, "PNG")
    return out.getvalue()


def test_an_organiser_adds_a_campaign_with_a_picture(page: Page, organiser_account, tmp_path):
    log_in(page, organiser_account)
    expect(page.get_by_role("heading", name="Pulpit organizatora")).to_be_visible()
    page.goto("/organizator/zbiorki")
    page.get_by_role("button", name="Dodaj zbiórkę").click()
    page.get_by_label("Tytuł zbiórki").fill("Nowy dach świetlicy w Raszynie")
    page.get_by_label("Organizacja", exact=False).first.fill("Stowarzyszenie Raszyn Razem")
    page.get_by_label("Gmina").select_option("raszyn")
    page.get_by_label("Kategoria").select_option("kultura")
    page.get_by_label("Jednym zdaniem: na co jest zbiórka").fill("Zbieramy na nowy dach dla wiejskiej świetlicy.")
    page.get_by_label("Opis").fill("Dach przecieka od dwóch zim, a w świetlicy spotyka się koło seniorów.")
    page.get_by_label("Serwis, w którym trwa zbiórka").select_option("pomagam")
    page.get_by_label("Adres zbiórki w serwisie").fill("https://pomagam.pl/dach-raszyn")
    page.get_by_label("Cel (zł)").fill("40000")
    page.get_by_label("Początek zbiórki").fill(str(date.today()))
    page.get_by_label("Koniec zbiórki").fill(str(date.today() + timedelta(days=60)))
    bad = tmp_path / "nie-obraz.png"
    bad.write_text("<svg onload=alert(1)>")
    page.locator("#zdjecie-zbiorki input[type=file]").set_input_files(str(bad))
    page.get_by_role("button", name="Dodaj zdjęcie").click()
    expect(page.get_by_text("To nie jest zdjęcie JPG, PNG ani WebP.")).to_be_visible()
    good = tmp_path / "dach.png"
    good.write_bytes(small_png())
    page.locator("#zdjecie-zbiorki input[type=file]").set_input_files(str(good))
    page.get_by_role("button", name="Dodaj zdjęcie").click()
    expect(page.get_by_text("Zdjęcie dodane.")).to_be_visible()
    page.get_by_role("button", name="Zapisz zbiórkę").click()  # a picture needs its description
    alt_field = page.get_by_label("Opis zdjęcia dla osób, które go nie widzą")
    expect(page.locator("#pole-campaign-image_alt-blad")).to_contain_text("Opisz, co widać na zdjęciu")
    alt_field.fill("Przeciekający dach świetlicy w Raszynie po zimie")
    page.get_by_role("button", name="Zapisz zbiórkę").click()
    expect(page.get_by_text("Dodano i opublikowano zbiórkę.")).to_be_visible()

    page.goto("/zbiorki")
    page.get_by_label("Szukaj").fill("dach")
    card = cards(page).first
    expect(card).to_contain_text("Nowy dach świetlicy w Raszynie")
    expect(card).to_contain_text("Sprawdzona przez organizatorów")
    image = card.locator("img")
    expect(image).to_have_attribute("src", re.compile(r"/_upload/kampanie/[0-9a-f]{24}\.png$"))
    expect(image).to_have_attribute("alt", "Przeciekający dach świetlicy w Raszynie po zimie")
    assert page.request.get(image.get_attribute("src")).status == 200
