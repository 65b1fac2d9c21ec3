# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'export_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_ExportDialog(object):
    def setupUi(self, ExportDialog):
        if not ExportDialog.objectName():
            ExportDialog.setObjectName(u"ExportDialog")
        ExportDialog.resize(520, 190)
        self.layout = QVBoxLayout(ExportDialog)
        self.layout.setObjectName(u"layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.folderLabel = QLabel(ExportDialog)
        self.folderLabel.setObjectName(u"folderLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.folderLabel)

        self.folderRow = QHBoxLayout()
        self.folderRow.setObjectName(u"folderRow")
        self.folder = QLineEdit(ExportDialog)
        self.folder.setObjectName(u"folder")

        self.folderRow.addWidget(self.folder)

        self.browse = QPushButton(ExportDialog)
        self.browse.setObjectName(u"browse")

        self.folderRow.addWidget(self.browse)


        self.form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.folderRow)

        self.includeOpen = QCheckBox(ExportDialog)
        self.includeOpen.setObjectName(u"includeOpen")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.includeOpen)

        self.bom = QCheckBox(ExportDialog)
        self.bom.setObjectName(u"bom")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.bom)


        self.layout.addLayout(self.form)

        self.buttons = QDialogButtonBox(ExportDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.folderLabel.setBuddy(self.folder)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ExportDialog)
        self.buttons.accepted.connect(ExportDialog.accept)
        self.buttons.rejected.connect(ExportDialog.reject)

        QMetaObject.connectSlotsByName(ExportDialog)
    # setupUi

    def retranslateUi(self, ExportDialog):
        ExportDialog.setWindowTitle(QCoreApplication.translate("ExportDialog", u"Export tables", None))
        self.folderLabel.setText(QCoreApplication.translate("ExportDialog", u"&Folder:", None))
#if QT_CONFIG(accessibility)
        self.folder.setAccessibleName(QCoreApplication.translate("ExportDialog", u"Export folder", None))
#endif // QT_CONFIG(accessibility)
        self.browse.setText(QCoreApplication.translate("ExportDialog", u"&Browse...", None))
        self.includeOpen.setText(QCoreApplication.translate("ExportDialog", u"Include &open suggestions (not yet reviewed)", None))
        self.bom.setText(QCoreApplication.translate("ExportDialog", u"Write a &byte-order mark (for Excel)", None))
    # retranslateUi

