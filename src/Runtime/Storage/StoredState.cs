namespace GongGrid.Runtime.Storage;

/// <summary>One stored grain state: its JSON payload and the ETag that a later write must present.</summary>
public sealed record StoredState(string Payload, string ETag);
