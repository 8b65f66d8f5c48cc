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
    $env:INITIAL_NO_AUTH_ACTION_COUNT = '3'
    try {
        $script:moto = Start-Process -FilePath 'moto_server' -ArgumentList '-H', '127.0.0.1', '-p', $port -PassThru -RedirectStandardOutput ([IO.Path]::GetTempFileName()) -RedirectStandardError ([IO.Path]::GetTempFileName())
    }
    finally {
        Remove-Item Env:INITIAL_NO_AUTH_ACTION_COUNT
    }
    $deadline = [datetime]::UtcNow.AddSeconds(30)
    while ($true) {
        try { $null = Invoke-WebRequest -Uri "$iamEndpoint/moto-api/" -TimeoutSec 2; break } catch { }
        if ([datetime]::UtcNow -gt $deadline) { throw "moto_server in IAM mode did not start on $iamEndpoint" }
        Start-Sleep -Milliseconds 200
    }

    $keys = Invoke-Boto3 -ArgumentList $iamEndpoint -Script @'
iam = boto3.client("iam", endpoint_url=sys.argv[1], region_name="us-east-1", aws_access_key_id="setup", aws_secret_access_key="setup")
iam.create_user(UserName="secretsps-pester")
key = iam.create_access_key(UserName="secretsps-pester")["AccessKey"]
iam.put_user_policy(UserName="secretsps-pester", PolicyName="random-only", PolicyDocument=json.dumps(
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "secretsmanager:GetRandomPassword", "Resource": "*"}]}))
print(json.dumps({"id": key["AccessKeyId"], "secret": key["SecretAccessKey"]}))
'@ | ConvertFrom-Json
    $script:valid = [pscredential]::new($keys.id, (ConvertTo-SecureString $keys.secret -AsPlainText -Force))
    $script:wrongSecret = [pscredential]::new($keys.id, (ConvertTo-SecureString 'not-the-secret-key' -AsPlainText -Force))
    $script:unknownKey = [pscredential]::new('AKIAUNKNOWNKEY000000', (ConvertTo-SecureString 'whatever' -AsPlainText -Force))
}

AfterAll {
    if ($moto) { Stop-Process -Id $moto.Id -Force -ErrorAction SilentlyContinue }
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
