"""Indonesian by default whatever the browser says; English when the user picks it."""


def test_indonesian_by_default_even_for_english_browsers(client, db):
    body = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Laporkan pelanggaran" in body


def test_english_when_chosen(client, db):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert "Report a violation" in client.get("/").content.decode()
