namespace GongGrid.EdgeBridge.Broker;

/// <summary>One connection of the bridge's broker session: where a message it delivered is acknowledged.</summary>
internal interface IBrokerConnection
{
    /// <summary>False once the connection has closed, for good: a reconnect is a new connection.</summary>
    bool IsOpen { get; }

    /// <summary>Sends the message's acknowledgement if the connection is still open; false, sending nothing, if not.</summary>
    bool Acknowledge(BrokerMessage message);
}
