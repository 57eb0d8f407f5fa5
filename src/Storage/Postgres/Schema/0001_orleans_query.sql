-- The table Orleans's ADO.NET providers read their SQL from when they start (SELECT QueryKey, QueryText FROM
-- OrleansQuery): its name and columns are the providers' contract. Each later file adds or replaces the rows for the
-- query keys it serves; a replacement is a new file, never an edit of an applied one.
CREATE TABLE OrleansQuery
(
    QueryKey varchar(64) PRIMARY KEY,
    QueryText text NOT NULL
);
