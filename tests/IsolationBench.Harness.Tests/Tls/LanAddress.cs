using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace IsolationBench.Harness.Tests.Tls;

/// <summary>This machine's own address that is not loopback: an engine reached there counts as remote (Preflight.IsRemote).</summary>
internal static class LanAddress
{
    /// <summary>An up, non-loopback IPv4 address a listener can bind; null when the machine has none.</summary>
    public static IPAddress? NonLoopback() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
}
