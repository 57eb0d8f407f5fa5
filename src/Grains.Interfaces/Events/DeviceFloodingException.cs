namespace GongGrid.Grains.Interfaces;

/// <summary>
/// A device sent more signals than any working device sends in the window its village keeps them for: a stuck or
/// faulty sensor. Its further signals are refused (not kept without limit), each with this reason.
/// </summary>
[GenerateSerializer, Alias("gonggrid.DeviceFloodingException")]
public sealed class DeviceFloodingException(string deviceKey, int kept, TimeSpan window)
    : ArgumentException($"Device '{deviceKey}' has sent {kept} signals in the last {window.TotalHours:0} hours, more than a working device sends; " +
        "it looks faulty (a stuck sensor?) and its further signals are refused until older ones leave that window. Send someone to check it.")
{
    [Id(0)]
    public string DeviceKey { get; } = deviceKey;
}
