; Inno Setup 6 script: the Windows installer of 收银伴侣 Cashier Companion.
;
; Build it with `python installer\build.py --installer` (see installer\README.md): that freezes the app
; into dist\cashier-app\ first and passes in, from the app's one source (cashier_app\__init__.py):
;   AppVersion         cashier_app.__version__, e.g. 0.1.0
;   AppVersionNumbers  the same as four numbers, e.g. 0.1.0.0 (Windows version resources)
;   SourceDir          the frozen one-folder build
;   Sign               defined when a signing command was given (ISCC /Ssigntool=...)
;
; Per-user install, on purpose: the app keeps its journal, configuration and logs in the user's
; %LOCALAPPDATA%\cashier-app and its API key in that user's Windows Credential Manager, and it must
; start in the cashier's own session to watch the till's folder and sit in the tray. A per-machine
; install with common Startup would start it for every account that signs in (the technician's
; too), each with an empty journal of its own, all competing for the one receipt printer. Per-user
; also lets a chain's IT upgrade a till silently without an administrator prompt.

#ifndef AppVersion
  #error AppVersion is not defined: build with installer\build.py --installer
#endif
#ifndef AppVersionNumbers
  #define AppVersionNumbers AppVersion
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\cashier-app"
#endif

; Fixed for the life of the product (cashier_app\app\running_marker.py holds the same names).
#define AppGuid "8E4B7C1A-3F2D-4B6E-9A5C-2D7F1E0B6C93"
#define AppMutexName "CashierCompanion-" + AppGuid
#define QuitEventName "CashierCompanion-quit-" + AppGuid
#define DataFolder "{localappdata}\cashier-app"

#if !FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #error Languages\ChineseSimplified.isl is missing from Inno Setup: install Inno Setup 6.5 or later, or put the file there
#endif

[Setup]
AppId={{{#AppGuid}}
AppName=收银伴侣 Cashier Companion
AppVersion={#AppVersion}
AppVerName=收银伴侣 Cashier Companion {#AppVersion}
AppPublisher=Cashier Companion
VersionInfoVersion={#AppVersionNumbers}
VersionInfoProductVersion={#AppVersionNumbers}
VersionInfoProductName=收银伴侣 Cashier Companion
; The app holds this mutex while it runs: Setup and Uninstall wait for it to be closed.
AppMutex={#AppMutexName},Global\{#AppMutexName}
SetupMutex=CashierCompanionSetup-{#AppGuid},Global\CashierCompanionSetup-{#AppGuid}
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=lowest
DefaultDirName={autopf}\CashierCompanion
UsePreviousAppDir=yes
DisableProgramGroupPage=yes
DisableDirPage=auto
UninstallDisplayIcon={app}\cashier-app.exe
UninstallDisplayName=收银伴侣 Cashier Companion
SetupIconFile=..\..\resources\icons\app.ico
OutputBaseFilename=cashier-app-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
; Anything else holding files in the program folder is closed through the Restart Manager.
CloseApplications=yes
RestartApplications=no
#ifdef Sign
; ISCC /Ssigntool="signtool sign ... $f" (installer\build.py --sign-tool): the installer and the uninstaller.
SignTool=signtool
SignedUninstaller=yes
#endif

[Languages]
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
zh_CN.AutoStart=登录 Windows 时自动启动收银伴侣
en.AutoStart=Start Cashier Companion when I sign in to Windows
zh_CN.LaunchApp=启动收银伴侣
en.LaunchApp=Start Cashier Companion
zh_CN.CommandLine=收银伴侣命令行（技术人员）
en.CommandLine=Cashier Companion command line (technicians)
zh_CN.PurgeQuestion=是否同时删除本机的小票记录、打印记录、异常案例、配置和日志（%1）以及保存的平台密钥？%n%n选择“否”将保留它们，重新安装后可继续使用。
en.PurgeQuestion=Also delete this computer's receipt journal, print history, cases, configuration and logs (%1), and the stored platform key?%n%nChoose No to keep them for a later installation.

[Tasks]
Name: autostart; Description: "{cm:AutoStart}"

[InstallDelete]
; An upgrade leaves no module of the old version behind (the folder is rebuilt from the new build).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{autoprograms}\收银伴侣"; Filename: "{app}\cashier-app.exe"
Name: "{autoprograms}\{cm:CommandLine}"; Filename: "{cmd}"; Parameters: "/k ""{app}\cashier-app-cli.exe"" --help"; WorkingDir: "{app}"
; This user's Startup folder: the app starts when the cashier signs in.
Name: "{userstartup}\收银伴侣"; Filename: "{app}\cashier-app.exe"; Tasks: autostart

[Run]
Filename: "{app}\cashier-app.exe"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent; Check: not AppWasRunning
; An upgrade (silent or not) starts the app again when it closed a running one.
Filename: "{app}\cashier-app.exe"; Flags: nowait; Check: AppWasRunning

[Code]
const
  EVENT_MODIFY_STATE = $0002;
  CLOSE_WAIT_MS = 30000;

var
  WasRunning: Boolean;

function OpenEvent(dwDesiredAccess: LongWord; bInheritHandle: BOOL; lpName: string): THandle;
  external 'OpenEventW@kernel32.dll stdcall';
function SetEvent(hEvent: THandle): BOOL;
  external 'SetEvent@kernel32.dll stdcall';
function CloseHandle(hObject: THandle): BOOL;
  external 'CloseHandle@kernel32.dll stdcall';

function AppWasRunning(): Boolean;
begin
  Result := WasRunning;
end;

{ Ask every running instance to close cleanly (the event the app waits on), and wait for its mutex
  to go: the journal is written through, so nothing is lost either way, but a clean close finishes
  the receipt being printed. }
procedure AskRunningAppToClose();
var
  QuitEvent: THandle;
  Waited: Integer;
begin
  if not CheckForMutexes('{#AppMutexName}') then
    exit;
  WasRunning := True;
  QuitEvent := OpenEvent(EVENT_MODIFY_STATE, False, '{#QuitEventName}');
  if QuitEvent <> 0 then
  begin
    SetEvent(QuitEvent);
    CloseHandle(QuitEvent);
  end;
  Waited := 0;
  while CheckForMutexes('{#AppMutexName}') and (Waited < CLOSE_WAIT_MS) do
  begin
    Sleep(250);
    Waited := Waited + 250;
  end;
end;

function InitializeSetup(): Boolean;
begin
  AskRunningAppToClose();
  Result := True;
end;

function InitializeUninstall(): Boolean;
begin
  AskRunningAppToClose();
  Result := True;
end;

{ Data is kept unless asked: /PURGE=1 on the command line (silent uninstall), or Yes to the question
  (default No) in an interactive uninstall. }
function PurgeRequested(): Boolean;
begin
  if ExpandConstant('{param:PURGE|0}') = '1' then
    Result := True
  else if UninstallSilent() then
    Result := False
  else
    Result := MsgBox(FmtMessage(CustomMessage('PurgeQuestion'), [ExpandConstant('{#DataFolder}')]),
                     mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES;
end;

var
  Purge: Boolean;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  ResultCode: Integer;
begin
  if CurUninstallStep = usUninstall then
  begin
    Purge := PurgeRequested();
    if Purge then
      { The key lives in the Credential Manager, not in the folder: remove it while the program is still there. }
      Exec(ExpandConstant('{app}\cashier-app-cli.exe'), 'credentials delete', '', SW_HIDE,
           ewWaitUntilTerminated, ResultCode);
  end;
  if (CurUninstallStep = usPostUninstall) and Purge then
    DelTree(ExpandConstant('{#DataFolder}'), True, True, True);
end;
