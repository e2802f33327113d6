-- Watch and intake: which receipt a duplicate file version repeats, and the lookups the
-- technician's "was print.txt written" views and the intake's duplicate check make.
ALTER TABLE file_versions ADD COLUMN duplicate_of INTEGER REFERENCES receipts(id);
CREATE INDEX file_versions_outcome ON file_versions(outcome, id);
CREATE INDEX file_versions_path ON file_versions(path, id);
CREATE INDEX receipts_file_version ON receipts(file_version_id);
