using System.Diagnostics;

namespace AiSales.Tests.Images;

/// <summary>Where scripts/build-images.sh writes its archives, and how a test builds, unpacks and runs one.</summary>
public static class ImageArchives
{
    /// <summary>AISALES_IMAGE_TESTS=1 (test.sh's default): build the archives from this checkout during the run.</summary>
    public static bool BuildDuringRun => Environment.GetEnvironmentVariable("AISALES_IMAGE_TESTS") == "1";

    /// <summary>Where an archive built before the run is looked for: out/images, or AISALES_IMAGE_DIR.</summary>
    public static string PathOf(string service) =>
        Path.Combine(Environment.GetEnvironmentVariable("AISALES_IMAGE_DIR") is { Length: > 0 } dir
            ? dir
            : Path.Combine(ServiceProcess.RepositoryRoot(), "out", "images"), $"{service}.tar");

    /// <summary>
    /// With <see cref="BuildDuringRun"/>, a fresh archive of this checkout, built into a temporary folder that is
    /// removed once read (the Debian base is reused from out/images/base while its package list is unchanged), so
    /// the test never reads an archive left by an older build; otherwise the archive already at <see cref="PathOf"/>.
    /// </summary>
    public static async Task<OciArchive> OpenAsync(string service)
    {
        if (!BuildDuringRun)
        {
            return await OciArchive.OpenAsync(PathOf(service));
        }

        var root = ServiceProcess.RepositoryRoot();
        var output = Directory.CreateTempSubdirectory("aisales-images-");
        try
        {
            var (exitCode, log) = await RunAsync("bash", [Path.Combine(root, "scripts", "build-images.sh"), service], TimeSpan.FromMinutes(25),
                environment: new() { ["OUT"] = output.FullName, ["BASE"] = Path.Combine(root, "out", "images", "base") });
            Assert.True(exitCode == 0, log);
            return await OciArchive.OpenAsync(Path.Combine(output.FullName, $"{service}.tar"));
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Without a container engine the image is started the way one would: its layers unpacked into a root file system
    /// and its entrypoint run there as the image's user, with /proc mounted in a private mount and PID namespace
    /// (the .NET runtime reads it). Needs root; null when this machine cannot do it.
    /// </summary>
    public static async Task<(int ExitCode, string Output, TimeSpan Elapsed)?> RunEntrypointAsync(OciArchive image, TimeSpan timeout)
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || !File.Exists("/usr/bin/unshare") || !File.Exists("/usr/sbin/chroot"))
        {
            return null;
        }

        var rootfs = Directory.CreateTempSubdirectory("aisales-rootfs-");
        try
        {
            foreach (var layer in image.Layers)
            {
                var file = Path.Combine(rootfs.FullName, "..", Path.GetFileName(rootfs.FullName) + ".layer");
                await File.WriteAllBytesAsync(file, layer);
                var (code, output) = await RunAsync("tar", ["-xzf", file, "-C", rootfs.FullName], TimeSpan.FromMinutes(2));
                File.Delete(file);
                Assert.True(code == 0, output);
            }

            var user = image.Config.GetProperty("User").GetString()!;
            var userspec = user.Contains(':') ? user : $"{user}:{user}";
            var entrypoint = image.Config.GetProperty("Entrypoint").EnumerateArray().Select(e => e.GetString()!).ToList();
            var watch = Stopwatch.StartNew();
            var result = await RunAsync("unshare",
                ["--mount", "--pid", "--fork", $"--mount-proc={rootfs.FullName}/proc", "chroot", $"--userspec={userspec}", rootfs.FullName, .. entrypoint],
                timeout,
                cleanEnvironment: true);
            return (result.ExitCode, result.Output, watch.Elapsed);
        }
        finally
        {
            rootfs.Delete(recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(
        string command, IEnumerable<string> arguments, TimeSpan timeout, bool cleanEnvironment = false,
        Dictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment ?? [])
        {
            startInfo.Environment[name] = value;
        }

        if (cleanEnvironment)
        {
            // As a container starts: nothing from the test runner (no connection string, no DOTNET_ variables).
            startInfo.Environment.Clear();
            startInfo.Environment["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} did not finish within {timeout}");
        }

        return (process.ExitCode, await output + await errors);
    }
}
