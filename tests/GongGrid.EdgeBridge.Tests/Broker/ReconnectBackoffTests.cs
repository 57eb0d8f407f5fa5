namespace GongGrid.EdgeBridge.Tests.Broker;

public class ReconnectBackoffTests
{
    [Theory]
    [InlineData(0, 500, 1000)]
    [InlineData(1, 1000, 2000)]
    [InlineData(3, 4000, 8000)]
    [InlineData(6, 30000, 60000)]
    [InlineData(40, 30000, 60000)]
    public void Delay_doubles_per_attempt_up_to_the_cap_with_jitter_in_the_upper_half(int attempt, double lowestMs, double highestMs)
    {
        var random = new Random(22);
        var delays = Enumerable.Range(0, 200)
            .Select(_ => ReconnectBackoff.Delay(attempt, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), random).TotalMilliseconds)
            .ToList();

        Assert.All(delays, d => Assert.InRange(d, lowestMs, highestMs));
        Assert.True(delays.Distinct().Count() > 100, "delays are not jittered");
    }
}
