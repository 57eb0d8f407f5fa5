namespace GongGrid.Runtime;

/// <summary>Why an activation is being collected.</summary>
public enum DeactivationReason
{
    /// <summary>No call reached it for longer than the idle collection age.</summary>
    Idle,

    /// <summary>The grain asked for it (DeactivateOnIdle).</summary>
    Requested,

    /// <summary>The silo is shutting down.</summary>
    SiloStopping,

    /// <summary>
    /// A state write failed (storage error or a newer ETag): memory may hold changes storage lacks, so the
    /// activation is dropped without writing them and the next call reloads what storage has.
    /// </summary>
    StateWriteFailed,
}
