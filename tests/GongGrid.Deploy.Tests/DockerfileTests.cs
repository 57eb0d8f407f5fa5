using System.Text.RegularExpressions;
using System.Xml.Linq;
using GongGrid.Deploy.Tests.Support;
using GongGrid.Testing;
using GongGrid.Testing.Processes;

namespace GongGrid.Deploy.Tests;

/// <summary>
/// The silo's and the bridge's Dockerfiles checked against the project they package, as a container engine would
/// find out at build or run time: the images, the files copied, the entry point, the user, the ports, the health check.
/// </summary>
public sealed partial class DockerfileTests
{
    public static TheoryData<string, string> Images => new()
    {
        { "deploy/docker/silo.Dockerfile", "src/Silo/GongGrid.Silo.csproj" },
        { "deploy/docker/bridge.Dockerfile", "src/EdgeBridge/GongGrid.EdgeBridge.csproj" },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void It_builds_on_the_sdk_and_runs_on_the_aspnet_runtime_of_the_projects_framework(string dockerfile, string project)
    {
        var framework = XDocument.Load(ProjectOutput.RepositoryFile("Directory.Build.props")).Descendants("TargetFramework").Single().Value;
        var version = framework["net".Length..];

        Assert.Equal([$"mcr.microsoft.com/dotnet/sdk:{version}", $"mcr.microsoft.com/dotnet/aspnet:{version}"], Read(dockerfile).Images);
        Assert.Contains($"dotnet publish {project} ", Assert.Single(Read(dockerfile).All("RUN"), run => run.Arguments.Contains("dotnet publish", StringComparison.Ordinal)).Arguments);
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void It_copies_every_file_the_published_project_builds_from(string dockerfile, string project)
    {
        var copied = Read(dockerfile).All("COPY").Where(copy => !copy.Arguments.StartsWith("--from", StringComparison.Ordinal))
            .SelectMany(copy => copy.Arguments.Split(' ')[..^1]).ToList();
        Assert.All(copied, source => Assert.True(Path.Exists(Path.Combine(ProjectOutput.RepositoryRoot, source)), $"{dockerfile} copies {source}, which is not in the repository"));

        Assert.All(BuildInputs(project), input => Assert.True(
            copied.Any(source => input == source || input.StartsWith(source.TrimEnd('/') + "/", StringComparison.Ordinal)),
            $"{project} builds from {input}, which {dockerfile} does not copy"));
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void It_runs_the_published_assembly_as_the_images_unprivileged_user(string dockerfile, string project)
    {
        var image = Read(dockerfile);

        Assert.Equal(["dotnet", Path.GetFileNameWithoutExtension(project) + ".dll"], Dockerfile.ExecForm(image.Only("ENTRYPOINT")));
        Assert.Equal("$APP_UID", image.Only("USER"));
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void It_listens_beyond_loopback_on_the_ports_it_exposes_and_checks_health_on_its_metrics_port(string dockerfile, string project)
    {
        _ = project;
        var image = Read(dockerfile);
        var listens = image.Environment.Where(setting => setting.Key.EndsWith("Listen", StringComparison.Ordinal)).Select(setting => new Uri(setting.Value)).ToList();
        var siloPorts = image.Environment.Where(setting => setting.Key.EndsWith("Port", StringComparison.Ordinal)).Select(setting => int.Parse(setting.Value));

        Assert.All(listens, listen => Assert.Equal("0.0.0.0", listen.Host));
        Assert.Equal(listens.Select(listen => listen.Port).Concat(siloPorts).Order(), image.ExposedPorts.Order());
        var metrics = new Uri(Assert.Single(image.Environment, setting => setting.Key is "GongGrid__Metrics__Listen" or "GongGrid__Bridge__MetricsListen").Value);
        var probe = HealthProbe().Match(image.Only("HEALTHCHECK"));
        Assert.True(probe.Success, image.Only("HEALTHCHECK"));
        Assert.Equal(metrics.Port, int.Parse(probe.Groups["port"].Value));
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Its_settings_name_options_the_program_reads(string dockerfile, string project)
    {
        _ = project;
        var settings = Read(dockerfile).Environment.Keys.Where(key => key.StartsWith("GongGrid__", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(settings);
        Assert.All(settings, key => Assert.True(SettingKeys.IsKnown(key), $"{dockerfile} sets {key}, which no option reads"));
    }

    [Fact]
    public async Task The_silo_image_runs_a_command_the_silo_has()
    {
        var command = Dockerfile.ExecForm(Read("deploy/docker/silo.Dockerfile").Only("CMD"));
        using var scratch = new ScratchDirectory();

        var help = await SiloProcess.RunAsync(scratch.Path, [.. command, "--help"]);

        Assert.True(help.ExitCode == 0, help.ToString());
    }

    private static Dockerfile Read(string path) => Dockerfile.Read(ProjectOutput.RepositoryFile(path));

    /// <summary>What building <paramref name="project"/> reads: the props files, every project it references (recursively), the files it links in.</summary>
    private static SortedSet<string> BuildInputs(string project)
    {
        var inputs = new SortedSet<string>(StringComparer.Ordinal) { "Directory.Build.props", "Directory.Packages.props" };
        var pending = new Queue<string>([project]);
        while (pending.TryDequeue(out var next))
        {
            if (!inputs.Add(next))
            {
                continue;
            }
            var directory = Path.GetDirectoryName(next)!;
            foreach (var item in XDocument.Load(ProjectOutput.RepositoryFile(next)).Descendants().Where(element => element.Name.LocalName is "ProjectReference" or "None"))
            {
                var include = item.Attribute("Include")?.Value;
                if (include is null || !include.StartsWith("..", StringComparison.Ordinal))
                {
                    continue;
                }
                var path = Path.GetRelativePath(ProjectOutput.RepositoryRoot, Path.GetFullPath(Path.Combine(ProjectOutput.RepositoryRoot, directory, include.Split('*')[0])))
                    .Replace('\\', '/');
                if (item.Name.LocalName == "ProjectReference")
                {
                    pending.Enqueue(path);
                }
                else
                {
                    inputs.Add(path);
                }
            }
        }
        return inputs;
    }

    [GeneratedRegex(@"/dev/tcp/127\.0\.0\.1/(?<port>\d+)")]
    private static partial Regex HealthProbe();
}
