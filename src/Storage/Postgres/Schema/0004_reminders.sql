-- Durable reminders (Orleans's AdoNet reminder table): the night-close and device-silence reminders. Each silo reads
-- the reminders of the grains whose hash falls in its range of the ring; a version per row is the reminder's ETag.
CREATE TABLE gonggrid_reminder
(
    service_id varchar(150) NOT NULL,
    grain_id text NOT NULL,
    reminder_name varchar(150) NOT NULL,
    starts_at timestamptz NOT NULL,
    period_ms bigint NOT NULL,
    grain_hash integer NOT NULL,
    version integer NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX gonggrid_reminder_ring ON gonggrid_reminder (service_id, grain_hash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('UpsertReminderRowKey', '
    INSERT INTO gonggrid_reminder AS r (service_id, grain_id, reminder_name, starts_at, period_ms, grain_hash, version)
    VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
    ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
    SET starts_at = EXCLUDED.starts_at, period_ms = EXCLUDED.period_ms, grain_hash = EXCLUDED.grain_hash, version = r.version + 1
    RETURNING version AS "Version"'),

('ReadReminderRowsKey', '
    SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", starts_at AS "StartTime", period_ms AS "Period", version AS "Version"
    FROM gonggrid_reminder
    WHERE service_id = @ServiceId AND grain_id = @GrainId'),

('ReadReminderRowKey', '
    SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", starts_at AS "StartTime", period_ms AS "Period", version AS "Version"
    FROM gonggrid_reminder
    WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName'),

-- A range of the ring that does not wrap: (BeginHash, EndHash].
('ReadRangeRows1Key', '
    SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", starts_at AS "StartTime", period_ms AS "Period", version AS "Version"
    FROM gonggrid_reminder
    WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash'),

-- A range that wraps past the top of the ring: above BeginHash or up to EndHash.
('ReadRangeRows2Key', '
    SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", starts_at AS "StartTime", period_ms AS "Period", version AS "Version"
    FROM gonggrid_reminder
    WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)'),

('DeleteReminderRowKey', '
    WITH removed AS (
        DELETE FROM gonggrid_reminder
        WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND version = @Version
        RETURNING 1)
    SELECT count(*)::integer FROM removed'),

('DeleteReminderRowsKey', '
    DELETE FROM gonggrid_reminder WHERE service_id = @ServiceId')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
