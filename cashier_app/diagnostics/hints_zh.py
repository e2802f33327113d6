"""The Chinese for each check's title and each fixed hint of the diagnosis (checks.py), for the store
staff and a Chinese technician page. A hint built from what was found (a printer's) carries its own
Chinese instead. One missing here shows in English: tests/diagnostics check that none is missing.
"""

from __future__ import annotations

HINTS_ZH: dict[str, str] = {
    "Check merchant_no and terminal_no with the platform's staff.": "请向平台人员核对商户编号和终端编号。",
    "Check the network, base_url and proxy_url; is the platform up?":
        "请检查网络、平台地址（base_url）和代理（proxy_url）；平台是否在运行？",
    "Check the path in [watch] folders against where the till writes print.txt (a network share must be mounted).":
        "请核对 [watch] folders 中的路径与收银程序写入 print.txt 的位置是否一致（网络共享需已挂载）。",
    "Check the stored key and base_url.": "请检查保存的密钥和平台地址（base_url）。",
    "Correct the named setting, then run `cashier-app config check`.":
        "请改正提示的设置，然后运行 `cashier-app config check`。",
    "Fix the printer named above; then retry or move the held jobs (printer jobs --held).":
        "请修好上面提到的打印机，然后重试或转移暂停的打印任务（printer jobs --held）。",
    "Fix the printer; held jobs resume by themselves.": "请修好打印机；暂停的任务会自动继续打印。",
    "Free disk space: the journal must be able to grow.": "请清理磁盘空间：记录数据库需要增长的空间。",
    "Free some disk space soon.": "请尽快清理一些磁盘空间。",
    "Give this user write access to the folder, or set general.data_dir to a writable one.":
        "请给当前用户该文件夹的写权限，或把 general.data_dir 设为可写的文件夹。",
    "Install a CJK font (e.g. WenQuanYi Micro Hei or Noto Sans CJK), or set CASHIER_APP_CJK_FONT.":
        "请安装中文字体（如文泉驿微米黑或 Noto Sans CJK），或设置 CASHIER_APP_CJK_FONT。",
    "Install or unlock the system's credential store, then store the key again.":
        "请安装或解锁系统凭据库，然后重新保存密钥。",
    "Install the newer version again.": "请重新安装较新的版本。",
    "Where the till has a desktop session, prefer the system's credential store ([platform] key_storage = "
    "\"system\") and store the key again.":
        "收银机有桌面会话时，宜改用系统凭据库（[platform] key_storage = \"system\"），然后重新保存密钥。",
    "Keep a copy of the file for the developers; do not delete it.": "请为开发人员保留该文件的副本，不要删除。",
    "Reinstall the app with its installer.": "请用安装程序重新安装本软件。",
    "Store the terminal's key: Settings → Platform key…, or `cashier-app credentials set`.":
        "请保存此终端的密钥：设置 → 平台密钥…，或运行 `cashier-app credentials set`。",
    "Run the diagnosis again.": "请重新运行诊断。",
    "Remove it: the till must write a regular file under that name.": "请删除它：收银程序必须以该名称写入普通文件。",
    "See the message: unlock or install a credential store.": "见提示信息：请解锁或安装系统凭据库。",
    "See the platform check below.": "见下面的平台检查。",
    "Set [watch] folders first.": "请先设置 [watch] folders。",
    "Set [watch] folders to the folder the till writes print.txt into.":
        "请把 [watch] folders 设为收银程序写入 print.txt 的文件夹。",
    "Set the clock and time zone, and turn on automatic time synchronisation.": "请校准时钟和时区，并打开自动对时。",
    "Set this computer's clock (see the clock check).": "请校准本机时钟（见时钟检查）。",
    "Store the right key with `cashier-app credentials set`.":
        "请用 `cashier-app credentials set` 保存正确的密钥。",
    "Take a test payment and run `cashier-app files`: if nothing appears, the till writes elsewhere or under another "
    "name (see [watch] patterns).":
        "请做一笔测试支付再看文件记录：若仍没有，说明收银程序写在别处或用了别的文件名（见 [watch] patterns）。",
    "The last file was kept aside, not printed: see `cashier-app files` for the reason.":
        "最近的文件被留存而未打印：原因见文件记录（`cashier-app files`）。",
    "The till must be able to write there; check it runs as a user that may.":
        "收银程序必须能写入该处；请确认它以有权限的用户运行。",
    "Try again later.": "请稍后再试。",
    "Turn on automatic time synchronisation.": "请打开自动对时。",
    "Run the setup wizard (Settings → Setup wizard…), or write the store's settings to that file.":
        "请运行设置向导（设置 → 设置向导…），或把门店的设置写入该文件。",
}

TITLES_ZH: dict[str, str] = {
    "config": "配置文件",
    "data_folder": "数据文件夹",
    "log_folder": "日志文件夹",
    "disk_space": "磁盘空间",
    "journal": "记录数据库",
    "watch_folders": "监视的文件夹",
    "print_txt": "最近的 print.txt",
    "print_queue": "打印队列",
    "reconcile": "对账",
    "printers": "打印机",
    "credentials": "平台密钥",
    "platform": "商户平台",
    "clock": "时钟",
    "system": "系统",
    "fonts": "小票图片字体",
}
