namespace GongGrid.Mqtt;

/// <summary>The broker refused one or more topic filters of a SUBSCRIBE (SUBACK return code 0x80).</summary>
public sealed class MqttSubscribeException(IReadOnlyList<string> refusedFilters)
    : MqttException($"The broker refused the subscription to {string.Join(", ", refusedFilters.Select(f => $"'{f}'"))} (SUBACK 0x80).")
{
    public IReadOnlyList<string> RefusedFilters { get; } = refusedFilters;
}
