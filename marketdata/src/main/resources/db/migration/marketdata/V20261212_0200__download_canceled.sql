-- A download can be canceled by its owner (issue 11): 'canceled' joins the finished states; what it stored stays.
ALTER TABLE marketdata.download_jobs DROP CONSTRAINT download_jobs_status_check;
ALTER TABLE marketdata.download_jobs ADD CONSTRAINT download_jobs_status_check
    CHECK (status IN ('queued', 'running', 'completed', 'failed', 'canceled'));
