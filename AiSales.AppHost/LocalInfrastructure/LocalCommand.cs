using System.Diagnostics;

namespace AiSales.AppHost.LocalInfrastructure;

/// <summary>Runs a set-up command (initdb, postgres --single), as the postgres user when we are root.</summary>
internal static class LocalCommand
{
    public static bool IsRoot => Environment.UserName == "root" || geteuid() == 0;

    /// <summary>The command line that runs <paramref name="program"/> as the postgres user when needed.</summary>
    public static (string Command, string[] Args) AsPostgresUser(string program, params string[] args) =>
        IsRoot
            ? ("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", program, .. args])
            : (program, args);

    public static async Task RunAsync(string program, string[] args, string? standardInput, CancellationToken cancellationToken)
    {
        var (command, fullArgs) = AsPostgresUser(program, args);
        var startInfo = new ProcessStartInfo(command)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var arg in fullArgs)
        {
            startInfo.ArgumentList.Add(arg);
        }

        using var process = Process.Start(startInfo)
            ?? throw new DistributedApplicationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput.AsMemory(), cancellationToken);
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new DistributedApplicationException(
                $"{Path.GetFileName(program)} exited with code {process.ExitCode}: {(await stderr).Trim()} {(await stdout).Trim()}");
        }
    }

    public static void GiveToPostgresUser(string path)
    {
        if (!IsRoot)
        {
            return;
        }

        var entry = new DirectoryInfo(path);
        var postgresIds = ReadPostgresIds();
        chown(entry.FullName, postgresIds.Uid, postgresIds.Gid);
    }

    private static (uint Uid, uint Gid) ReadPostgresIds()
    {
        foreach (var line in File.ReadLines("/etc/passwd"))
        {
            var fields = line.Split(':');
            if (fields.Length > 3 && fields[0] == "postgres")
            {
                return (uint.Parse(fields[2]), uint.Parse(fields[3]));
            }
        }

        throw new DistributedApplicationException(
            "Running as root, PostgreSQL must run as the 'postgres' user, which does not exist: install the postgresql package (./run.sh does).");
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int chown(string path, uint owner, uint group);

    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern uint geteuid();
}
