from django.urls import path

from . import views

app_name = "staff"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("record/", views.record_action, name="record"),
    path("correct/<int:pk>/", views.correct_action, name="correct"),
    path("import/", views.import_ledger_view, name="import"),
    path("audit/", views.audit_log, name="audit"),
]
