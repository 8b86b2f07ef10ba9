"""URLs under /cases/: public pages (Indonesian paths) and officers' pages."""

from django.urls import path

from awasi.cases.views import actions, officer, public

app_name = "cases"

urlpatterns = [
    path("lapor/", public.public_report, name="public_report"),
    path("info/", public.public_tip, name="public_tip"),
    path("status/", public.public_status, name="public_status"),
    path("statistik/", public.public_statistics_page, name="statistics"),
    path("", officer.case_list, name="list"),
    path("tenggat/", officer.queue, name="queue"),
    path("aturan/", officer.rule_list, name="rules"),
    path("aturan/<int:pk>/", officer.rule_detail, name="rule"),
    path("baru/laporan/", officer.desk_report, name="desk_report"),
    path("baru/temuan/", officer.new_finding, name="new_finding"),
    path("informasi/", officer.tip_list, name="tips"),
    path("informasi/<int:pk>/", officer.tip_action, name="tip_action"),
    path("<int:pk>/", officer.case_detail, name="detail"),
    path("<int:pk>/pdf/", actions.case_pdf, name="pdf"),
    path("<int:pk>/aksi/<slug:action>/", actions.transition, name="transition"),
    path("<int:pk>/tugaskan/", actions.assign, name="assign"),
    path("<int:pk>/pindah/", actions.move, name="move"),
    path("<int:pk>/komentar/", actions.comment, name="comment"),
    path("<int:pk>/bukti/", actions.add_evidence, name="add_evidence"),
    path("<int:pk>/klarifikasi/", actions.invite, name="invite"),
    path("<int:pk>/klarifikasi/<int:item>/", actions.minutes, name="minutes"),
    path("<int:pk>/tindak-lanjut/<int:item>/", actions.follow_up, name="follow_up"),
    path("<int:pk>/pelapor/", actions.reporter_identity, name="reporter"),
    path("bukti/<int:pk>/", actions.evidence_detail, name="evidence"),
    path("bukti/<int:pk>/unduh/", actions.download_evidence, name="download_evidence"),
    path("bukti/<int:pk>/koreksi/", actions.correct_evidence, name="correct_evidence"),
]
