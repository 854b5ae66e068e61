"""The README's Python example runs as written, on a small published warehouse."""

import re
from pathlib import Path

README = Path(__file__).parents[1] / "README.md"


def example() -> str:
    text = README.read_text(encoding="utf-8")
    block = text.split("<!-- api-example:start -->")[1].split("<!-- api-example:end -->")[0]
    return re.search(r"```python\n(.*?)```", block, re.S).group(1)


def test_the_readme_python_example_runs(small_warehouse, capsys):
    code = example()
    assert 'muster.open("data/warehouse")' in code
    exec(compile(code.replace('"data/warehouse"', repr(str(small_warehouse))), "README", "exec"), {})
    out = capsys.readouterr().out
    assert "Regional governor" in out and "recruited" in out
