namespace GongGrid.Benchmarks;

/// <summary>
/// The bytes of live managed objects: what survives a full, blocking, compacting collection. GC.GetTotalMemory also
/// counts what a silo is still building in the background, so a weight taken right after a silo starts includes its
/// reminder table loading; <see cref="SettledAsync"/> waits that out.
/// </summary>
internal static class LiveHeap
{
    public static long Bytes()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetGCMemoryInfo(GCKind.FullBlocking).PromotedBytes;
    }

    /// <summary>The live bytes once two weighings a second apart agree within 0.1 % (at most 30 s).</summary>
    public static async Task<long> SettledAsync()
    {
        var last = Bytes();
        for (var attempt = 0; attempt < 30; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = Bytes();
            if (Math.Abs(now - last) <= last / 1000)
            {
                return now;
            }
            last = now;
        }
        return last;
    }
}
