from django.urls import path

from . import reports, views

app_name = "staff"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("record/", views.record_action, name="record"),
    path("correct/<int:pk>/", views.correct_action, name="correct"),
    path("import/", views.import_ledger_view, name="import"),
    path("audit/", views.audit_log, name="audit"),
    path("reports/", reports.report_list, name="reports"),
    path("reports/new/", reports.draft_edit, name="report_new"),
    path("reports/<int:pk>/", reports.draft_edit, name="report_draft"),
    path("reports/<int:pk>/preview/", reports.draft_preview, name="report_preview"),
    path("reports/<int:pk>/issue/", reports.draft_issue, name="report_issue"),
    path("reports/issued/<int:pk>.<str:fmt>", reports.issued_file, name="report_file"),
]
