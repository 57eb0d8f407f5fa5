namespace GongGrid.Api.Tests.Support;

/// <summary>One silo shared by the tests of a class that do not disturb each other.</summary>
public class SiloFixture : IAsyncLifetime
{
    public ApiSilo Silo { get; private set; } = null!;

    protected virtual (string Name, string[] Villages)[] Bridges => [];

    /// <summary>More configuration for the silo, such as "--GongGrid:Api:MaxMessageBytes=65536".</summary>
    protected virtual string[] Settings => [];

    public async Task InitializeAsync()
    {
        Silo = await ApiSilo.StartAsync(Settings, Bridges);
        await PrepareAsync();
    }

    public async Task DisposeAsync() => await Silo.DisposeAsync();

    /// <summary>What happens in the silo before the first test.</summary>
    protected virtual Task PrepareAsync() => Task.CompletedTask;
}
