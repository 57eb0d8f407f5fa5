namespace GongGrid.Runtime.Storage;

/// <summary>
/// Durable grain state with optimistic concurrency. Every provider (in-memory, SQLite, later PostgreSQL)
/// passes the same conformance suite.
/// </summary>
/// <remarks>
/// ETags are opaque strings chosen by the provider. A write or clear whose expected ETag does not match the
/// stored one throws <see cref="InconsistentStateException"/> and changes nothing; a null expected ETag means
/// "I believe no record exists".
/// </remarks>
public interface IGrainStorage
{
    /// <summary>Reads the stored record, or null when none exists.</summary>
    Task<StoredState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken = default);

    /// <summary>Writes the payload if the stored ETag equals <paramref name="expectedETag"/>; returns the new ETag.</summary>
    Task<string> WriteAsync(GrainId grainId, string stateName, string payload, string? expectedETag, CancellationToken cancellationToken = default);

    /// <summary>Deletes the record if the stored ETag equals <paramref name="expectedETag"/>.</summary>
    Task ClearAsync(GrainId grainId, string stateName, string? expectedETag, CancellationToken cancellationToken = default);
}
