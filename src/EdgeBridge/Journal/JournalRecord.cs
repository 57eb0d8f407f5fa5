namespace GongGrid.EdgeBridge.Journal;

/// <summary>One record as read back: its sequence number, when it was appended, and the caller's bytes.</summary>
public sealed record JournalRecord(long Sequence, DateTimeOffset AppendedAt, ReadOnlyMemory<byte> Payload);
