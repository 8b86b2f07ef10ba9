"""Every API view is in the OpenAPI schema: generation has no warning and no error."""

from django.core.management import call_command


def test_schema_generates_without_warnings(tmp_path):
    out = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))
    schema = out.read_text()
    for route in ("/api/v1/cases/intake/", "/api/v1/screening/lists/",
                  "/api/v1/deployment/plans/", "/api/v1/prevention/commitments/"):  # fmt: skip
        assert route in schema
