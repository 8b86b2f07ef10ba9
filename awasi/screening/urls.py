from django.urls import path

from . import views

app_name = "screening"
urlpatterns = [
    path("", views.index, name="index"),
    path("import/candidates/", views.import_candidates_view, name="import_candidates"),
    path("import/registry/", views.import_registry_view, name="import_registry"),
    path("lists/<int:pk>/", views.list_detail, name="list"),
    path("lists/<int:pk>/run/", views.start_run_view, name="start_run"),
    path("lists/<int:pk>/progress/", views.run_progress, name="progress"),
    path("lists/<int:pk>/export.xlsx", views.export_list, name="export"),
    path("lists/<int:pk>/letter.pdf", views.letter_to_kpu, name="letter"),
    path("review/", views.review_queue_view, name="review_queue"),
    path("review/<int:pk>/", views.review_match_view, name="review_match"),
    path("duplicates/", views.duplicates_view, name="duplicates"),
    path("duplicates/<int:pk>/", views.review_duplicate_view, name="review_duplicate"),
    path("candidates/<int:pk>/", views.candidate_detail, name="candidate"),
    path("candidates/<int:pk>/ruling/", views.legal_ruling_view, name="legal_ruling"),
]
