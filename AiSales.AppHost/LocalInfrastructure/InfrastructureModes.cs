using System.Diagnostics;

namespace AiSales.AppHost.LocalInfrastructure;

public enum InfrastructureMode
{
    Containers,
    Executables,
}

/// <summary>
/// Infrastructure:Mode = containers | executables | auto (default). auto picks containers only when a
/// container engine answers `docker info`; on machines with only the docker client, PostgreSQL and Redis
/// run as local executables that the AppHost manages. Publishing always uses containers: an
/// executables manifest would carry local paths and a generated password.
/// </summary>
public static class InfrastructureModes
{
    public const string SettingKey = "Infrastructure:Mode";

    public static InfrastructureMode Resolve(IDistributedApplicationBuilder builder)
    {
        if (builder.ExecutionContext.IsPublishMode)
        {
            return InfrastructureMode.Containers;
        }

        var setting = builder.Configuration[SettingKey]?.Trim().ToLowerInvariant();
        return setting switch
        {
            "containers" => InfrastructureMode.Containers,
            "executables" => InfrastructureMode.Executables,
            null or "" or "auto" => ContainerEngineAnswers() ? InfrastructureMode.Containers : InfrastructureMode.Executables,
            _ => throw new DistributedApplicationException(
                $"Setting Infrastructure__Mode is '{setting}': use containers, executables or auto."),
        };
    }

    private static bool ContainerEngineAnswers()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("docker", "info")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return false;
            }

            process.StandardOutput.ReadToEndAsync();
            process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no docker client at all
        }
    }
}
