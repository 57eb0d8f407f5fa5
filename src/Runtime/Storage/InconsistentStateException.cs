namespace GongGrid.Runtime.Storage;

/// <summary>A write or clear presented an ETag that no longer matches storage: someone else wrote first.</summary>
public sealed class InconsistentStateException(GrainId grainId, string stateName, string? expectedETag, string? storedETag)
    : Exception($"State '{stateName}' of {grainId} was changed by another writer: expected ETag '{expectedETag ?? "<none>"}', stored ETag '{storedETag ?? "<none>"}'.")
{
    public GrainId GrainId { get; } = grainId;
    public string StateName { get; } = stateName;
    public string? ExpectedETag { get; } = expectedETag;
    public string? StoredETag { get; } = storedETag;
}
