"""People at the till: who they are (number, name, role), their PINs (only as slow hashes), the
sign-in session with its lockout, and the manager's approval that protected actions go through.

No Qt here: the window's sign-in screen and the `people` command both use it; the rules of who may
do what are in domain/access.py.
"""
