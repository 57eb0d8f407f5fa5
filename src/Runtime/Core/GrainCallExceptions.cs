namespace GongGrid.Runtime;

/// <summary>A grain call did not complete within the silo's call timeout.</summary>
public sealed class GrainCallTimeoutException(GrainId target, string method, TimeSpan timeout)
    : TimeoutException($"Call to {target}.{method} did not complete within {timeout.TotalSeconds:0.###} s.");

/// <summary>
/// A call would wait on a non-reentrant grain that is itself waiting (through the call chain) on the caller:
/// it could never complete, so it fails at once instead of hanging.
/// </summary>
public sealed class GrainCallCycleException(GrainId target, IEnumerable<GrainId> chain)
    : InvalidOperationException($"Call cycle: {string.Join(" -> ", chain.Reverse())} -> {target}; {target} is busy waiting on this chain. Calls must flow one way.");

/// <summary>The grain's partition is owned by another silo; this silo cannot activate it.</summary>
public sealed class PartitionNotLocalException(GrainId target, int partition)
    : InvalidOperationException($"{target} lives in partition {partition}, which this silo does not own.");
