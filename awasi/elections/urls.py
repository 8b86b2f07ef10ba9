from django.urls import path

from awasi.elections import views

app_name = "elections"
urlpatterns = [
    path("", views.election_list, name="list"),
    path("<slug:slug>/", views.election_detail, name="detail"),
]
