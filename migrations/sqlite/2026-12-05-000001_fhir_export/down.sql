DROP TABLE export_files;
DROP TABLE export_members;
DROP TABLE export_jobs;
