namespace GongGrid.EdgeBridge.Tests.Support;

/// <summary>Polls (in real time, bounded) for something a bridge part does in the background.</summary>
internal static class Waiting
{
    /// <summary>Returns once <paramref name="done"/> holds; otherwise fails naming <paramref name="what"/>, with what <paramref name="log"/> holds.</summary>
    public static async Task UntilAsync(Func<bool> done, string what, ListLogger log, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting until {what}.\n{log.Describe()}");
            }

            await Task.Delay(20);
        }
    }
}
