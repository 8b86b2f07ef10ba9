"""Gakkumdu pages under /gakkumdu/."""

from django.urls import path

from awasi.gakkumdu import views, views_open

app_name = "gakkumdu"

urlpatterns = [
    path("", views.file_list, name="index"),
    path("board/", views.board, name="board"),
    path("units/", views.unit_list, name="units"),
    path("open/<int:case_pk>/", views_open.open_file, name="open"),
    path("<int:pk>/", views.file_detail, name="file"),
    path("<int:pk>/step/", views.file_step, name="step"),
    path("<int:pk>/discussion/", views.file_discussion, name="discussion"),
    path("<int:pk>/request/", views.file_request, name="request"),
    path("<int:pk>/request/<int:request_pk>/", views.request_decide, name="decide"),
    path("<int:pk>/part/<slug:part>/", views.file_part, name="part"),
    path("<int:pk>/document/", views.document_upload, name="document_upload"),
    path("document/<int:pk>/", views.document_download, name="document"),
]
