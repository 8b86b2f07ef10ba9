"""URLs of the prevention pages, mounted at /prevention/."""

from django.urls import path

from awasi.prevention.views import activities, cooperation, reports, supervision

app_name = "prevention"

urlpatterns = [
    path("", reports.dashboard, name="dashboard"),
    path("summary/", reports.summary_report, name="summary"),
    path("agreements/", cooperation.agreement_list, name="agreements"),
    path("agreements/new/", cooperation.agreement_create, name="agreement_create"),
    path("agreements/<int:pk>/", cooperation.agreement_detail, name="agreement"),
    path(
        "agreements/<int:pk>/terminate/",
        cooperation.agreement_terminate,
        name="agreement_terminate",
    ),
    path("meetings/", cooperation.meeting_list, name="meetings"),
    path("meetings/new/", cooperation.meeting_create, name="meeting_create"),
    path("meetings/<int:pk>/", cooperation.meeting_detail, name="meeting"),
    path("commitments/", cooperation.commitments_overview, name="commitments"),
    path("commitments/mine/", cooperation.my_commitments, name="my_commitments"),
    path("commitments/<int:pk>/", cooperation.action_item_detail, name="action_item"),
    path("commitments/<int:pk>/update/", cooperation.action_item_update, name="action_item_update"),
    path("activities/", activities.activity_list, name="activities"),
    path(
        "activities/socialisation/new/",
        activities.socialisation_create,
        name="socialisation_create",
    ),
    path("activities/patrols/new/", activities.patrol_create, name="patrol_create"),
    path("activities/patrols/<int:pk>/", activities.patrol_detail, name="patrol"),
    path("activities/letters/new/", activities.appeal_create, name="appeal_create"),
    path("activities/letters/<int:pk>/", activities.appeal_detail, name="appeal"),
    path("lhp/", supervision.report_list, name="reports"),
    path("lhp/new/", supervision.report_create, name="report_create"),
    path("lhp/<int:pk>/", supervision.report_detail, name="report"),
    path("lhp/<int:pk>/<slug:action>/", supervision.report_action, name="report_action"),
    path("asn/", supervision.neutrality_list, name="neutrality_list"),
    path("asn/new/", supervision.neutrality_create, name="neutrality_create"),
    path("asn/<int:pk>/", supervision.neutrality_detail, name="neutrality"),
    path("asn/honorary/", supervision.honorary_list, name="honorary_list"),
    path("asn/honorary/new/", supervision.honorary_create, name="honorary_create"),
    path("asn/honorary/<int:pk>/", supervision.honorary_review, name="honorary_review"),
]
