-- Cluster membership (Orleans's AdoNet clustering): one version row per cluster (Orleans's DeploymentId is our
-- ClusterId) and one row per silo incarnation. Every change to a silo row moves the cluster's version on by one, and
-- only when the caller presented the version it read: the table's optimistic concurrency.
CREATE TABLE gonggrid_cluster
(
    cluster_id varchar(150) PRIMARY KEY,
    version integer NOT NULL DEFAULT 0,
    changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE gonggrid_silo
(
    cluster_id varchar(150) NOT NULL REFERENCES gonggrid_cluster (cluster_id),
    address varchar(45) NOT NULL,
    port integer NOT NULL,
    generation integer NOT NULL,
    silo_name varchar(150) NOT NULL,
    host_name varchar(150) NOT NULL,
    status integer NOT NULL,
    gateway_port integer NOT NULL DEFAULT 0,
    suspect_times text NULL,
    started_at timestamptz NOT NULL,
    alive_at timestamptz NOT NULL,
    PRIMARY KEY (cluster_id, address, port, generation)
);

-- Queries below lock the cluster row (FOR UPDATE) at the version the caller read before they touch a silo row, so
-- two silos writing at once serialise there: the second finds the version moved and changes nothing.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('InsertMembershipVersionKey', '
    WITH created AS (
        INSERT INTO gonggrid_cluster (cluster_id) VALUES (@DeploymentId)
        ON CONFLICT (cluster_id) DO NOTHING
        RETURNING 1)
    SELECT count(*)::integer FROM created'),

('InsertMembershipKey', '
    WITH current_version AS (
        SELECT cluster_id FROM gonggrid_cluster
        WHERE cluster_id = @DeploymentId AND version = @Version
        FOR UPDATE),
    joined AS (
        INSERT INTO gonggrid_silo (cluster_id, address, port, generation, silo_name, host_name, status, gateway_port, started_at, alive_at)
        SELECT cluster_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
        FROM current_version
        ON CONFLICT (cluster_id, address, port, generation) DO NOTHING
        RETURNING cluster_id),
    moved_on AS (
        UPDATE gonggrid_cluster AS c SET version = c.version + 1, changed_at = now()
        FROM joined WHERE c.cluster_id = joined.cluster_id
        RETURNING 1)
    SELECT count(*)::integer FROM moved_on'),

('UpdateMembershipKey', '
    WITH current_version AS (
        SELECT cluster_id FROM gonggrid_cluster
        WHERE cluster_id = @DeploymentId AND version = @Version
        FOR UPDATE),
    changed AS (
        UPDATE gonggrid_silo AS s SET status = @Status, suspect_times = @SuspectTimes, alive_at = @IAmAliveTime
        FROM current_version
        WHERE s.cluster_id = current_version.cluster_id AND s.address = @Address AND s.port = @Port AND s.generation = @Generation
        RETURNING s.cluster_id),
    moved_on AS (
        UPDATE gonggrid_cluster AS c SET version = c.version + 1, changed_at = now()
        FROM changed WHERE c.cluster_id = changed.cluster_id
        RETURNING 1)
    SELECT count(*)::integer FROM moved_on'),

-- The heartbeat: no version change, nobody waits on it.
('UpdateIAmAlivetimeKey', '
    UPDATE gonggrid_silo SET alive_at = @IAmAliveTime
    WHERE cluster_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation'),

-- The version row comes back even when no silo row matches (a silo reading before it has joined).
('MembershipReadRowKey', '
    SELECT c.cluster_id AS "DeploymentId", s.address AS "Address", s.port AS "Port", s.generation AS "Generation",
           s.silo_name AS "SiloName", s.host_name AS "HostName", s.status AS "Status", s.gateway_port AS "ProxyPort",
           s.suspect_times AS "SuspectTimes", s.started_at AS "StartTime", s.alive_at AS "IAmAliveTime", c.version AS "Version"
    FROM gonggrid_cluster AS c
    LEFT JOIN gonggrid_silo AS s
        ON s.cluster_id = c.cluster_id AND s.address = @Address AND s.port = @Port AND s.generation = @Generation
    WHERE c.cluster_id = @DeploymentId'),

('MembershipReadAllKey', '
    SELECT c.cluster_id AS "DeploymentId", s.address AS "Address", s.port AS "Port", s.generation AS "Generation",
           s.silo_name AS "SiloName", s.host_name AS "HostName", s.status AS "Status", s.gateway_port AS "ProxyPort",
           s.suspect_times AS "SuspectTimes", s.started_at AS "StartTime", s.alive_at AS "IAmAliveTime", c.version AS "Version"
    FROM gonggrid_cluster AS c
    LEFT JOIN gonggrid_silo AS s ON s.cluster_id = c.cluster_id
    WHERE c.cluster_id = @DeploymentId'),

('GatewaysQueryKey', '
    SELECT address AS "Address", gateway_port AS "ProxyPort", generation AS "Generation"
    FROM gonggrid_silo
    WHERE cluster_id = @DeploymentId AND status = @Status AND gateway_port > 0'),

('DeleteMembershipTableEntriesKey', '
    DELETE FROM gonggrid_silo WHERE cluster_id = @DeploymentId;
    DELETE FROM gonggrid_cluster WHERE cluster_id = @DeploymentId'),

-- Rows of silos that stopped beating before the cut-off Orleans passes, unless still marked active (status 3).
('CleanupDefunctSiloEntriesKey', '
    DELETE FROM gonggrid_silo
    WHERE cluster_id = @DeploymentId AND alive_at < @IAmAliveTime AND status <> 3')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
