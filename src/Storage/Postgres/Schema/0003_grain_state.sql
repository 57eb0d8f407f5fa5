-- Grain state (Orleans's AdoNet grain storage): one row per grain and state type, its payload as the silo's grain
-- storage serializer wrote it, and a version that is the state's ETag. A write names the version it read; a write
-- that names another (a stale activation on a silo declared dead, say) changes nothing and gets no new version,
-- which Orleans turns into an InconsistentStateException.
CREATE TABLE gonggrid_grain_state
(
    service_id varchar(150) NOT NULL,
    grain_type varchar(512) NOT NULL,
    grain_id_n0 bigint NOT NULL,
    grain_id_n1 bigint NOT NULL,
    -- A grain's string key; '' for grains keyed by number alone, so the key has no null in it.
    grain_key varchar(512) NOT NULL DEFAULT '',
    payload bytea NULL,
    version integer NOT NULL,
    modified_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, grain_type, grain_id_n0, grain_id_n1, grain_key)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', '
    SELECT payload AS "PayloadBinary", now() AS "ReadAt", version AS "Version"
    FROM gonggrid_grain_state
    WHERE service_id = @ServiceId AND grain_type = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1 AND grain_key = coalesce(@GrainIdExtensionString, '''')'),

-- Without a version the state was never written: insert, unless another activation already has. With one: update
-- only that version. Either way the new version comes back, or null when nothing was written.
('WriteToStorageKey', '
    WITH updated AS (
        UPDATE gonggrid_grain_state
        SET payload = @PayloadBinary, version = version + 1, modified_at = now()
        WHERE @GrainStateVersion IS NOT NULL AND version = @GrainStateVersion
          AND service_id = @ServiceId AND grain_type = @GrainTypeString
          AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1 AND grain_key = coalesce(@GrainIdExtensionString, '''')
        RETURNING version),
    inserted AS (
        INSERT INTO gonggrid_grain_state (service_id, grain_type, grain_id_n0, grain_id_n1, grain_key, payload, version)
        SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, coalesce(@GrainIdExtensionString, ''''), @PayloadBinary, 1
        WHERE @GrainStateVersion IS NULL
        ON CONFLICT DO NOTHING
        RETURNING version)
    SELECT (SELECT version FROM updated UNION ALL SELECT version FROM inserted LIMIT 1) AS "NewGrainStateVersion"'),

-- Clearing keeps the row with no payload and a new version, so an activation that still holds the old one cannot
-- write over the clearing.
('ClearStorageKey', '
    UPDATE gonggrid_grain_state
    SET payload = NULL, version = version + 1, modified_at = now()
    WHERE version = @GrainStateVersion
      AND service_id = @ServiceId AND grain_type = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1 AND grain_key = coalesce(@GrainIdExtensionString, '''')
    RETURNING version AS "NewGrainStateVersion"'),

('DeleteStorageKey', '
    DELETE FROM gonggrid_grain_state
    WHERE version = @GrainStateVersion
      AND service_id = @ServiceId AND grain_type = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1 AND grain_key = coalesce(@GrainIdExtensionString, '''')
    RETURNING version + 1 AS "NewGrainStateVersion"')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
