"""Background tasks (django-tasks, database backend: run ``awasi db_worker``)."""

from django_tasks import task


@task()
def screen_list(run_id: int) -> dict:
    """Execute a queued screening run; progress is written on the run as it goes."""
    from awasi.screening.services.runs import execute_run

    return execute_run(run_id).counts
