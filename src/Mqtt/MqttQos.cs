namespace GongGrid.Mqtt;

/// <summary>
/// Delivery guarantee of a PUBLISH or a subscription. QoS 2 (exactly once) is not supported: the grid makes
/// duplicates harmless with event ids, so at-least-once is what every GongGrid flow uses.
/// </summary>
public enum MqttQos : byte
{
    AtMostOnce = 0,
    AtLeastOnce = 1,
}
