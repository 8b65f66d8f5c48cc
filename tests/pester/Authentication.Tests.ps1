# Credential and permission failures against a second moto server in IAM-auth mode: its first three actions are
# unauthenticated (they create a user whose only permission is GetRandomPassword), every later request must be
# signed with a known key and is checked against that user's policy.
BeforeAll {
    . $PSScriptRoot/Common.ps1

    $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $probe.Start()
    $port = $probe.LocalEndpoint.Port
    $probe.Stop()
    $script:iamEndpoint = "http://127.0.0.1:$port"
    $script:motoLog = Join-Path ([IO.Path]::GetTempPath()) "secretsps-moto-iam-$port.log"
    function Get-MotoLog { (@($motoLog, "$motoLog.out") | ForEach-Object { Get-Content -LiteralPath $_ -Raw -ErrorAction Ignore }) -join "`n" }
    # Exactly the three setup calls below run without authentication; the setup client never retries (see there).
    $env:INITIAL_NO_AUTH_ACTION_COUNT = '3'
    try {
        $script:moto = Start-Process -FilePath 'moto_server' -ArgumentList '-H', '127.0.0.1', '-p', $port -PassThru -RedirectStandardOutput "$motoLog.out" -RedirectStandardError $motoLog
    }
    finally {
        Remove-Item Env:INITIAL_NO_AUTH_ACTION_COUNT
    }
    # As build.ps1's Start-MotoServer: fail at once with the log when moto dies, allow 60 s on a loaded machine.
    $deadline = [datetime]::UtcNow.AddSeconds(60)
    while ($true) {
        if ($moto.HasExited) { throw "moto_server in IAM mode exited with code $($moto.ExitCode) before answering on $iamEndpoint.`n$(Get-MotoLog)" }
        try { $null = Invoke-WebRequest -Uri "$iamEndpoint/moto-api/" -TimeoutSec 2 -SkipHttpErrorCheck; break } catch { }
        if ([datetime]::UtcNow -gt $deadline) { throw "moto_server in IAM mode did not answer on $iamEndpoint within 60 seconds.`n$(Get-MotoLog)" }
        Start-Sleep -Milliseconds 250
    }

    # The unauthenticated budget covers these three calls exactly, so the client must not retry: a retried call
    # would spend the budget and the last setup call would fail as unauthenticated without saying why. With one
    # attempt a slow or failed call fails here, loudly; the long read timeout keeps a loaded machine from failing.
    $setup = @'
from botocore.config import Config
iam = boto3.client("iam", endpoint_url=sys.argv[1], region_name="us-east-1", aws_access_key_id="setup", aws_secret_access_key="setup",
                   config=Config(retries={"total_max_attempts": 1}, connect_timeout=10, read_timeout=120))
iam.create_user(UserName="secretsps-pester")
key = iam.create_access_key(UserName="secretsps-pester")["AccessKey"]
iam.put_user_policy(UserName="secretsps-pester", PolicyName="random-only", PolicyDocument=json.dumps(
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "secretsmanager:GetRandomPassword", "Resource": "*"}]}))
print(json.dumps({"id": key["AccessKeyId"], "secret": key["SecretAccessKey"]}))
'@
    try { $keys = Invoke-Boto3 -ArgumentList $iamEndpoint -Script $setup | ConvertFrom-Json }
    catch { throw "The IAM setup against moto on $iamEndpoint failed: $($_.Exception.Message)`nmoto log:`n$(Get-MotoLog)" }
    $script:valid = [pscredential]::new($keys.id, (ConvertTo-SecureString $keys.secret -AsPlainText -Force))
    $script:wrongSecret = [pscredential]::new($keys.id, (ConvertTo-SecureString 'not-the-secret-key' -AsPlainText -Force))
    $script:unknownKey = [pscredential]::new('AKIAUNKNOWNKEY000000', (ConvertTo-SecureString 'whatever' -AsPlainText -Force))
}

AfterAll {
    if ($moto -and -not $moto.HasExited) {
        Stop-Process -Id $moto.Id -Force -ErrorAction SilentlyContinue
        $null = $moto.WaitForExit(10000)
    }
    if ($motoLog) { Remove-Item -LiteralPath $motoLog, "$motoLog.out" -ErrorAction Ignore }
}

Describe 'Authentication and permissions' {
    It 'a valid key given as -Credential signs requests' {
        (New-RandomPassword -Credential $valid -EndpointUrl $iamEndpoint -Region us-east-1 -AsPlainText).Length | Should -Be 32
    }

    It 'a denied action is a non-terminating AccessDenied (PermissionDenied) for that secret' {
        $result = 'first', 'second' | Get-SecretValue -Credential $valid -EndpointUrl $iamEndpoint -Region us-east-1 -ErrorVariable err -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        # BatchGetSecretValue is denied as a whole; the cmdlet falls back to one GetSecretValue per id.
        $err.Count | Should -Be 2
        $err[0].FullyQualifiedErrorId | Should -Be 'AccessDenied,SecretsPS.Commands.GetSecretValueCommand'
        $err[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $err[0].TargetObject | Should -Be 'first'
        $err[1].TargetObject | Should -Be 'second'
        $err[0].Exception | Should -BeOfType [System.UnauthorizedAccessException]
    }

    It 'an unknown access key is a terminating AuthenticationFailed (AuthenticationError)' {
        $e = { 'a', 'b' | Get-SecretValue -Credential $unknownKey -EndpointUrl $iamEndpoint -Region us-east-1 } |
            Should -Throw -ErrorId 'AuthenticationFailed,SecretsPS.Commands.GetSecretValueCommand' -PassThru
        $e.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $e.Exception.Message | Should -Match '-Credential'
        $e.Exception.InnerException.GetType().Name | Should -Be 'AuthenticationFailedException'
    }

    It 'a wrong secret access key is a terminating AuthenticationFailed and the error does not contain it' {
        $e = { New-RandomPassword -Credential $wrongSecret -EndpointUrl $iamEndpoint -Region us-east-1 } |
            Should -Throw -ErrorId 'AuthenticationFailed,SecretsPS.Commands.NewRandomPasswordCommand' -PassThru
        $e.CategoryInfo.Category | Should -Be 'AuthenticationError'
        "$($e.Exception) $($e.Exception.InnerException)" | Should -Not -Match 'not-the-secret-key'
    }
}
