namespace GongGrid.Grains.Interfaces;

/// <summary>An event came from a device that is not in the district roster; it is refused, never applied.</summary>
[GenerateSerializer, Alias("gonggrid.UnknownDeviceException")]
public sealed class UnknownDeviceException(string deviceKey)
    : InvalidOperationException($"Device '{deviceKey}' is not in the roster; import a roster that declares it first.")
{
    [Id(0)]
    public string DeviceKey { get; } = deviceKey;
}
