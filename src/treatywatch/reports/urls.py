from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("reports/", views.issued_list, name="issued_list"),
    path("reports/<int:pk>/", views.issued_document, name="issued"),
    path("reports/<int:pk>.<str:fmt>", views.issued_document, name="issued_file"),
]
