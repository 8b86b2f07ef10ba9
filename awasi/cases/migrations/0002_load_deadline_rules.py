"""Load the shipped deadline rule table (data/deadline_rules.csv) into DeadlineRule."""

from django.db import migrations


def load(apps, schema_editor):
    from awasi.cases.deadlines import load_rules

    DeadlineRule = apps.get_model("cases", "DeadlineRule")
    for rule in load_rules():
        DeadlineRule.objects.update_or_create(
            regime=rule.regime,
            step=rule.step,
            variant=rule.variant,
            defaults={
                "amount": rule.amount,
                "counting": rule.counting.value,
                "basis": rule.basis,
                "status": rule.status.value,
                "trigger": rule.trigger,
                "note": rule.note,
                "is_active": True,
            },
        )


def unload(apps, schema_editor):
    apps.get_model("cases", "DeadlineRule").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
